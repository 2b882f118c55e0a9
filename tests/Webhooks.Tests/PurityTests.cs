using System.Reflection;
using RightSizer.Webhooks.Pods;

namespace RightSizer.Webhooks.Tests;

/// <summary>The patch calculators are pure: no Kubernetes client, HTTP or ASP.NET types in their signatures.</summary>
public sealed class PurityTests
{
    private static readonly string[] ForbiddenPrefixes =
        ["System.Net.Http", "Microsoft.AspNetCore", "Microsoft.Extensions.Http", "k8s.Kubernetes", "k8s.IKubernetes", "k8s.Autorest"];

    // The handler is the edge of the Pods folder: it speaks admission types, not HTTP, but is not a calculator.
    private static IEnumerable<TestCaseData> PureTypes() =>
        typeof(PodMutator).Assembly.GetTypes()
            .Where(t => t.Namespace == "RightSizer.Webhooks.Pods" && t != typeof(PodMutationHandler) && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new TestCaseData(t).SetName($"Signatures_{t.Name.Replace('`', '_')}_NoIoTypes"));

    [Test]
    public void PureTypes_Found() => Assert.That(PureTypes().Count(), Is.GreaterThan(15));

    [TestCaseSource(nameof(PureTypes))]
    public void Signatures_PureType_NoIoTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = type.GetFields(all).Select(f => f.FieldType)
            .Concat(type.GetProperties(all).Select(p => p.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));

        Assert.That(used.Select(t => t.FullName ?? t.Name).Where(n => ForbiddenPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal))), Is.Empty);
    }
}
