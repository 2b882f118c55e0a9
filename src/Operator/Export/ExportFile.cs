namespace RightSizer.Operator.Export;

/// <summary>One file an export writes: a path relative to the output folder, and its whole content.</summary>
public sealed record ExportFile(string RelativePath, string Content);
