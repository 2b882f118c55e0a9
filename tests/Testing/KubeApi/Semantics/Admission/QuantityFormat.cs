namespace RightSizer.Testing.KubeApi.Semantics.Admission;

/// <summary>How a quantity was written, which decides how it prints back.</summary>
public enum QuantityFormat
{
    DecimalSI,
    BinarySI,
    DecimalExponent,
}
