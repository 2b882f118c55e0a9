namespace RightSizer.Webhooks.Pods;

/// <summary>Which of the shapes a <see cref="PatchValue"/> is written as.</summary>
internal enum PatchValueShape
{
    None,
    Text,
    MemoryMap,
    Resources,
    EnvVar,
    EnvList,
    Annotations,
    Metadata,
}
