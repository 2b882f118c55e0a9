namespace RightSizer.Testing.KubeApi.Semantics.Yaml;

/// <summary>A manifest kubectl could not read; the message says where.</summary>
public sealed class KubeYamlException(string message, Exception? inner = null) : Exception(message, inner);
