using RightSizer.Operator.Export.Yaml;

namespace RightSizer.Operator.Export;

/// <summary>
/// A workload found in a YAML text: what it declares, the container nodes an edit works on, and the anchors that
/// aliases in its document refer to (an edit must not change a node other objects share).
/// </summary>
public sealed record ScannedWorkload(WorkloadManifest Manifest, IReadOnlyList<YamlMapping> ContainerNodes, IReadOnlySet<string> SharedAnchors);
