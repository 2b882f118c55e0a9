using System.Reflection;
using RightSizer.Recommender.Engine;

namespace RightSizer.Recommender.Tests;

/// <summary>
/// The pure core must not depend on I/O types: no Kubernetes client, HTTP, Refit or ASP.NET in its signatures. The core
/// is the engine and what it is made of; the replay harness and the peers' baselines (Benchmark) and the CLI's
/// orchestration over a history source are not part of it.
/// </summary>
public sealed class PurityTests
{
    private static readonly string[] PureNamespaces =
    [
        "RightSizer.Recommender.Estimation", "RightSizer.Recommender.Sizing", "RightSizer.Recommender.Sizing.PostProcessing",
        "RightSizer.Recommender.Runtime", "RightSizer.Recommender.Engine", "RightSizer.Recommender.Policy",
        "RightSizer.Recommender.Model", "RightSizer.Api.Units",
    ];

    private static readonly string[] ForbiddenPrefixes =
        ["System.Net.Http", "Refit", "Microsoft.AspNetCore", "Microsoft.Extensions.Http", "k8s.Kubernetes", "k8s.IKubernetes", "k8s.Autorest"];

    private static IEnumerable<TestCaseData> PureTypes() =>
        typeof(RecommendationEngine).Assembly.GetTypes().Concat(typeof(Api.Units.Memory).Assembly.GetTypes())
            .Where(t => PureNamespaces.Contains(t.Namespace) && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new TestCaseData(t).SetName($"Signatures_{t.Name.Replace('`', '_')}_NoIoTypes"));

    [Test]
    public void PureTypes_Found() => Assert.That(PureTypes().Count(), Is.GreaterThan(30));

    [TestCaseSource(nameof(PureTypes))]
    public void Signatures_PureType_NoIoTypes(Type type) => Assert.That(OffendingTypes(type), Is.Empty);

    [Test]
    public void PureTypes_Core_NoBaselinesNorOrchestration() =>
        Assert.That(
            PureTypes().Select(c => ((Type)c.Arguments[0]!).Namespace).Distinct(),
            Has.None.StartsWith("RightSizer.Recommender.Benchmark").And.None.StartWith("RightSizer.Recommender.History"));

    [Test]
    public void PureTypes_Engine_HoldsOnlyTheEngine() =>
        Assert.That(
            typeof(RecommendationEngine).Assembly.GetTypes()
                .Where(t => t.Namespace == "RightSizer.Recommender.Engine" && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
                .Select(t => t.Name),
            Is.EquivalentTo(new[] { nameof(RecommendationEngine) }));

    [Test]
    public void OffendingTypes_EdgeTypeTakingHttpClient_Flagged() =>
        Assert.That(OffendingTypes(typeof(RightSizer.Recommender.Prometheus.PrometheusHistorySource)), Does.Contain("System.Net.Http.HttpClient"));

    private static List<string> OffendingTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type>();
        used.AddRange(type.GetInterfaces());
        if (type.BaseType is { } baseType)
        {
            used.Add(baseType);
        }

        used.AddRange(type.GetFields(all).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }
        }

        return [.. used.SelectMany(Flatten).Select(t => t.FullName ?? t.Name)
            .Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct()];
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }
}
