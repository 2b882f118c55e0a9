using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Reconcilers;

/// <summary>metav1.LabelSelector semantics: every matchLabels pair and every expression must hold; an empty selector matches all.</summary>
public static class SelectorMatcher
{
    public static bool Matches(V1alpha1LabelSelector selector, IDictionary<string, string>? labels)
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

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(requirement.Key ?? string.Empty, out var actual);
            var values = requirement.Values ?? [];
            var holds = requirement.Operator switch
            {
                LabelSelectorOperator.In => has && values.Contains(actual!),
                LabelSelectorOperator.NotIn => !has || !values.Contains(actual!),
                LabelSelectorOperator.Exists => has,
                LabelSelectorOperator.DoesNotExist => !has,
                _ => false,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }
}
