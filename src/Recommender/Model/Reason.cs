using RightSizer.Api.V1alpha1;

namespace RightSizer.Recommender.Model;

/// <summary>
/// One reason behind a recommendation: <see cref="Code"/> for components to switch on, <see cref="Text"/> for people
/// (it may be reworded; the code may not).
/// </summary>
public sealed record Reason(ReasonCode Code, string Text)
{
    public override string ToString() => Text;
}
