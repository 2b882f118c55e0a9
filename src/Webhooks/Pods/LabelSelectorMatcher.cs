using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>metav1.LabelSelector semantics: every matchLabels entry and every requirement must hold.</summary>
public static class LabelSelectorMatcher
{
    public static bool Matches(V1alpha1LabelSelector selector, IReadOnlyDictionary<string, string>? labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return (selector.MatchExpressions ?? []).All(r => Holds(r, labels));
    }

    private static bool Holds(V1alpha1LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = requirement.Key is not null && labels.ContainsKey(requirement.Key);
        var values = requirement.Values ?? [];
        return requirement.Operator switch
        {
            LabelSelectorOperator.In => present && values.Contains(labels[requirement.Key!]),
            LabelSelectorOperator.NotIn => !present || !values.Contains(labels[requirement.Key!]),
            LabelSelectorOperator.Exists => present,
            LabelSelectorOperator.DoesNotExist => !present,
            _ => false,
        };
    }
}
