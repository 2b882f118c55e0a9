using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>
/// Server-side apply over <c>metadata.managedFields</c>: the applied configuration's fields become the manager's;
/// a field another manager owns with a different live value is a conflict (409 <c>Apply failed with 1 conflict:
/// conflict with "kubectl" using v1: .spec.mode</c>) unless <c>force</c> takes it over; fields the manager applied
/// before but no longer applies are removed when nobody else owns them. Non-apply writes go through
/// <see cref="RecordUpdate"/>, which hands every changed field to the writer.
/// </summary>
public static class ServerSideApply
{
    /// <summary>Applies <paramref name="applied"/> onto <paramref name="live"/> (null: create-on-apply) and returns the new object.</summary>
    public static JsonObject Apply(
        JsonObject? live,
        JsonObject applied,
        string manager,
        bool force,
        DateTimeOffset now,
        Func<IReadOnlyList<string>, ListMergeStrategy> lists)
    {
        var current = live is null ? new JsonObject() : (JsonObject)live.DeepClone();
        var entries = ManagedFields.Read(current);
        var appliedFields = FieldPaths.Of(applied, lists);
        var apiVersion = applied["apiVersion"]?.GetValue<string>() ?? current["apiVersion"]?.GetValue<string>() ?? "";

        var conflicts = new List<(ManagedFieldsEntry Owner, string Path)>();
        foreach (var other in entries.Where(e => !(e.Manager == manager && e.Operation == ManagedFieldsEntry.Apply)))
        {
            foreach (var path in appliedFields.Where(other.Fields.Contains))
            {
                FieldPaths.TryGet(current, path, out var liveValue);
                FieldPaths.TryGet(applied, path, out var appliedValue);
                if (appliedValue is not JsonObject && !JsonNode.DeepEquals(liveValue, appliedValue))
                {
                    conflicts.Add((other, path));
                }
            }
        }

        if (conflicts.Count > 0 && !force)
        {
            throw new ApiStatusException(Conflict(conflicts));
        }

        foreach (var (owner, path) in conflicts)
        {
            owner.Fields.Remove(path);
        }

        var previous = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == ManagedFieldsEntry.Apply);
        var result = Merge(current, applied, lists, []);
        foreach (var path in (previous?.Fields ?? []).Where(p => !appliedFields.Contains(p)).Reverse())
        {
            if (!entries.Any(e => e != previous && e.Fields.Contains(path)))
            {
                FieldPaths.Remove(result, path);
            }
        }

        var entry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, apiVersion, now, appliedFields);
        if (previous is null)
        {
            entries.Add(entry);
        }
        else
        {
            entries[entries.IndexOf(previous)] = entry;
        }

        ManagedFields.Write(result, entries);
        return result;
    }

    /// <summary>Records a create, update or patch by <paramref name="manager"/>: changed fields become its own, removed fields nobody's.</summary>
    public static JsonObject RecordUpdate(
        JsonObject? old,
        JsonObject updated,
        string manager,
        DateTimeOffset now,
        Func<IReadOnlyList<string>, ListMergeStrategy> lists,
        string subresource = "")
    {
        var result = (JsonObject)updated.DeepClone();
        var entries = old is null ? [] : ManagedFields.Read(old);
        var before = old is null ? [] : FieldPaths.Of(old, lists);
        var after = FieldPaths.Of(updated, lists);
        var changed = after.Where(p =>
        {
            if (!before.Contains(p))
            {
                return true;
            }

            FieldPaths.TryGet(old!, p, out var was);
            FieldPaths.TryGet(updated, p, out var now);
            return now is not JsonObject && !JsonNode.DeepEquals(was, now);
        }).ToList();

        foreach (var entry in entries)
        {
            entry.Fields.RemoveWhere(p => !after.Contains(p) || (changed.Contains(p) && entry.Manager != manager));
        }

        var apiVersion = updated["apiVersion"]?.GetValue<string>() ?? "";
        var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == ManagedFieldsEntry.Update && e.Subresource == subresource);
        if (changed.Count > 0)
        {
            var fields = new SortedSet<string>(mine?.Fields ?? [], StringComparer.Ordinal);
            fields.UnionWith(changed);
            var entry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Update, apiVersion, now, fields, subresource);
            if (mine is null)
            {
                entries.Add(entry);
            }
            else
            {
                entries[entries.IndexOf(mine)] = entry;
            }
        }

        ManagedFields.Write(result, entries);
        return result;
    }

    private static JsonObject Merge(JsonObject live, JsonObject applied, Func<IReadOnlyList<string>, ListMergeStrategy> lists, List<string> fields)
    {
        foreach (var (key, value) in applied)
        {
            if (fields.Count == 1 && fields[0] == "metadata" && key == "managedFields")
            {
                continue;
            }

            var childFields = new List<string>(fields) { key };
            live[key] = (value, live[key]) switch
            {
                (JsonObject a, JsonObject l) => Merge(l, a, lists, childFields),
                (JsonArray a, JsonArray l) => MergeList(l, a, lists(childFields), lists, childFields),
                _ => value?.DeepClone(),
            };
        }

        return live;
    }

    private static JsonArray MergeList(JsonArray live, JsonArray applied, ListMergeStrategy strategy, Func<IReadOnlyList<string>, ListMergeStrategy> lists, List<string> fields)
    {
        if (strategy.MergePrimitives)
        {
            var union = (JsonArray)live.DeepClone();
            foreach (var item in applied.Where(a => !union.Any(u => JsonNode.DeepEquals(u, a))))
            {
                union.Add(item?.DeepClone());
            }

            return union;
        }

        if (strategy.MergeKey is not { } key)
        {
            return (JsonArray)applied.DeepClone();
        }

        var result = (JsonArray)live.DeepClone();
        foreach (var element in applied.OfType<JsonObject>())
        {
            var existing = result.OfType<JsonObject>().FirstOrDefault(e => JsonNode.DeepEquals(e[key], element[key]));
            if (existing is null)
            {
                result.Add(element.DeepClone());
            }
            else
            {
                result[result.IndexOf(existing)] = Merge((JsonObject)existing.DeepClone(), element, lists, fields);
            }
        }

        return result;
    }

    private static ApiStatus Conflict(List<(ManagedFieldsEntry Owner, string Path)> conflicts)
    {
        var causes = conflicts.Select(c => new StatusCause("FieldManagerConflict", "conflict with " + PrintManager(c.Owner), c.Path)).ToList();
        if (conflicts.Count == 1)
        {
            return StatusErrors.ApplyConflict($"Apply failed with 1 conflict: conflict with {PrintManager(conflicts[0].Owner)}: {conflicts[0].Path}", causes);
        }

        var lines = conflicts.GroupBy(c => PrintManager(c.Owner)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => new[] { $"conflicts with {g.Key}:" }.Concat(g.Select(c => "- " + c.Path)));
        return StatusErrors.ApplyConflict(
            string.Create(CultureInfo.InvariantCulture, $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}"), causes);
    }

    /// <summary>apimachinery's <c>printManager</c>: Update managers carry their API version and the time of their write.</summary>
    private static string PrintManager(ManagedFieldsEntry entry)
    {
        var name = FieldError.GoQuote(entry.Manager);
        if (entry.Subresource.Length > 0)
        {
            name += " with subresource " + FieldError.GoQuote(entry.Subresource);
        }

        return entry.Operation == ManagedFieldsEntry.Update
            ? $"{name} using {entry.ApiVersion} at {entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
            : name;
    }
}
