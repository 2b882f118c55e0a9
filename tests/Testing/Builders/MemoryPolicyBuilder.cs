using k8s.Models;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Testing.Builders;

/// <summary>Builds a MemoryPolicy with the status the operator writes; mode Initial unless told otherwise.</summary>
public sealed class MemoryPolicyBuilder
{
    private readonly V1alpha1MemoryPolicy _policy;

    private MemoryPolicyBuilder(string name, string @namespace)
    {
        _policy = new V1alpha1MemoryPolicy
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Generation = 1 },
            Spec = new V1alpha1MemoryPolicySpec { Mode = PolicyMode.Initial },
        };
    }

    public static MemoryPolicyBuilder MemoryPolicy(string name = "web", string @namespace = "shop") => new(name, @namespace);

    public MemoryPolicyBuilder ForDeployment(string name) => For(WorkloadKind.Deployment, name);

    public MemoryPolicyBuilder For(WorkloadKind kind, string name)
    {
        _policy.Spec.TargetRef = new V1alpha1TargetReference
        {
            ApiVersion = kind is WorkloadKind.Job or WorkloadKind.CronJob ? "batch/v1" : "apps/v1",
            Kind = kind,
            Name = name,
        };
        return this;
    }

    public MemoryPolicyBuilder ForLabels(params (string Key, string Value)[] labels)
    {
        _policy.Spec.Selector = new V1alpha1LabelSelector { MatchLabels = labels.ToDictionary(l => l.Key, l => l.Value) };
        return this;
    }

    public MemoryPolicyBuilder Mode(PolicyMode mode)
    {
        _policy.Spec.Mode = mode;
        return this;
    }

    public MemoryPolicyBuilder Container(
        string name, string? minAllowed = null, string? maxAllowed = null, ContainerMode? mode = null, ControlledValues? controlledValues = null)
    {
        _policy.Spec.Containers ??= [];
        _policy.Spec.Containers.Add(new V1alpha1ContainerPolicy
        {
            ContainerName = name,
            MinAllowed = minAllowed,
            MaxAllowed = maxAllowed,
            Mode = mode,
            ControlledValues = controlledValues,
        });
        return this;
    }

    public MemoryPolicyBuilder Recommend(string container, string request, string? limit = null, V1alpha1HeapSettings? heap = null)
    {
        _policy.Status ??= new V1alpha1MemoryPolicyStatus { ObservedGeneration = _policy.Metadata.Generation };
        _policy.Status.Recommendations ??= [];
        _policy.Status.Recommendations.Add(new V1alpha1ContainerRecommendation
        {
            ContainerName = container,
            Request = request,
            Limit = limit,
            Heap = heap,
        });
        return this;
    }

    public MemoryPolicyBuilder Generation(long generation)
    {
        _policy.Metadata.Generation = generation;
        if (_policy.Status is not null)
        {
            _policy.Status.ObservedGeneration = generation;
        }

        return this;
    }

    public static V1alpha1HeapSettings JvmHeap(string percent = "75.0") => new()
    {
        Runtime = nameof(RuntimeKind.JVM),
        Env = new Dictionary<string, string> { ["JAVA_TOOL_OPTIONS"] = $"-XX:MaxRAMPercentage={percent}" },
    };

    public static V1alpha1HeapSettings DotNetHeap(string percent = "0x4B") => new()
    {
        Runtime = nameof(RuntimeKind.DotNet),
        Env = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimitPercent"] = percent },
    };

    public V1alpha1MemoryPolicy Build() => _policy;
}
