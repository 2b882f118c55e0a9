namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary>Prints a list of field errors as <c>ErrorList.ToAggregate().Error()</c>: one message alone, several in brackets, duplicates once.</summary>
public static class FieldErrorList
{
    public static string Aggregate(IEnumerable<FieldError> errors)
    {
        var messages = errors.Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList();
        return messages.Count == 1 ? messages[0] : "[" + string.Join(", ", messages) + "]";
    }
}
