using k8s;
using k8s.KubeConfigModels;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// Reads a kubeconfig file into KubernetesClient's configuration without KubernetesClient's own YAML reader: that
/// reader's deserializer registers an override for every property of every model type in KubernetesClient when it is
/// first used, which cost the idle operator about 16 MiB of RSS (loaded types, reflection data and the code that walks
/// them: 149 and 152 MiB against 136 and 134 before any list) to read a file of a few lines. The kubeconfig model
/// names its YAML keys itself, so a plain deserializer with the same naming convention reads it to the same objects.
/// </summary>
public static class KubeconfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>The configuration of <paramref name="currentContext"/>, or of the file's current context when null.</summary>
    public static KubernetesClientConfiguration Load(string path, string? currentContext = null)
    {
        var file = new FileInfo(path);
        K8SConfiguration config;
        using (var reader = file.OpenText())
        {
            config = Deserializer.Deserialize<K8SConfiguration>(reader);
        }

        // As KubernetesClient's reader does: certificate, key and token file paths are relative to the file.
        config.FileName = file.FullName;
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(config, currentContext);
    }
}
