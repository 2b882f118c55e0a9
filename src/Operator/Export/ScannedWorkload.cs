using RightSizer.Operator.Export.Yaml;

namespace RightSizer.Operator.Export;

/// <summary>A workload found in a YAML text: what it declares, and the container nodes an edit works on.</summary>
public sealed record ScannedWorkload(WorkloadManifest Manifest, IReadOnlyList<YamlMapping> ContainerNodes);
