using System.Reflection;
using RightSizer.Operator.Export;

namespace RightSizer.Operator.Tests.Export;

/// <summary>The patch model and writers are pure: no Kubernetes client, HTTP or ASP.NET type in their signatures.</summary>
public sealed class ExportPurityTests
{
    private static readonly string[] ForbiddenPrefixes =
        ["System.Net.Http", "Refit", "Microsoft.AspNetCore", "Microsoft.Extensions.Http", "k8s"];

    private static IEnumerable<TestCaseData> PureTypes() =>
        typeof(ExportPlanner).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("RightSizer.Operator.Export", StringComparison.Ordinal))
            .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new TestCaseData(t).SetName($"Signatures_{t.Name.Replace('`', '_').Replace('+', '_')}_NoIoTypes"));

    [Test]
    public void PureTypes_Found() => Assert.That(PureTypes().Count(), Is.GreaterThan(20));

    [TestCaseSource(nameof(PureTypes))]
    public void Signatures_PureType_NoIoTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type>(type.GetInterfaces());
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

        var offending = used.SelectMany(Flatten).Select(t => t.FullName ?? t.Name)
            .Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct();
        Assert.That(offending, Is.Empty);
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Flatten)]
        : type.HasElementType ? [type, .. Flatten(type.GetElementType()!)]
        : [type];
}
