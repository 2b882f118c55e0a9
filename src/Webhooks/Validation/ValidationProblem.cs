namespace RightSizer.Webhooks.Validation;

/// <summary>One thing wrong with a MemoryPolicy: the YAML path and what is wrong, with the offending value.</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
