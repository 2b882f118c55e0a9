using RightSizer.Testing.KubeApi.Semantics.Admission;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Admission;

public sealed class QuantityTests
{
    // Canonical forms as Go's resource.Quantity String() prints them.
    private static readonly TestCaseData[] Canonical =
    [
        new TestCaseData("1Gi", "1Gi").SetName("ToString_Gi_StaysGi"),
        new TestCaseData("1024Mi", "1Gi").SetName("ToString_1024Mi_BecomesGi"),
        new TestCaseData("1536Mi", "1536Mi").SetName("ToString_FractionalGi_StaysMi"),
        new TestCaseData("0.5", "500m").SetName("ToString_Half_IsMilli"),
        new TestCaseData("2000", "2k").SetName("ToString_2000_Is2k"),
        new TestCaseData("1500", "1500").SetName("ToString_1500_StaysPlain"),
        new TestCaseData("250m", "250m").SetName("ToString_Milli_StaysMilli"),
        new TestCaseData("0", "0").SetName("ToString_Zero_IsZero"),
    ];

    [TestCaseSource(nameof(Canonical))]
    public void ToString_Table(string text, string expected) => Assert.That(Quantity.Parse(text).ToString(), Is.EqualTo(expected));

    [Test]
    public void Compare_BinaryAgainstDecimal_ByValue()
    {
        Assert.That(Quantity.Parse("1Gi") > Quantity.Parse("1G"), Is.True);
    }
}
