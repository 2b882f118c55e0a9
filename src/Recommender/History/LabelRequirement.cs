namespace RightSizer.Recommender.History;

/// <summary>An equality requirement on a label: <c>key=value</c>.</summary>
public readonly record struct LabelRequirement(string Key, string Value);
