namespace RightSizer.Testing.KubeApi.Model;

/// <summary>The resources served now: the built-in ones and those of the CRDs that were created (and not deleted).</summary>
public sealed class ResourceCatalog
{
    private readonly Lock _gate = new();
    private readonly List<ResourceType> _types;
    private long _revision;

    /// <summary>The built-in resources a server of this minor version serves with its default feature gates.</summary>
    public ResourceCatalog(int serverMinor)
    {
        _types = [.. BuiltInResources.Served(serverMinor)];
    }

    /// <summary>Moves whenever a CRD adds or removes a resource; OpenAPI hashes derive from it.</summary>
    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public IReadOnlyList<ResourceType> Snapshot()
    {
        lock (_gate)
        {
            return [.. _types];
        }
    }

    public ResourceType? Find(string group, string version, string plural)
    {
        lock (_gate)
        {
            return _types.Find(t => t.Group == group && t.Version == version && t.Plural == plural);
        }
    }

    public ResourceType? FindKind(string group, string version, string kind)
    {
        lock (_gate)
        {
            return _types.Find(t => t.Group == group && t.Version == version && t.Kind == kind);
        }
    }

    /// <summary>Group/versions in the order discovery lists them: core first, then groups as registered.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        lock (_gate)
        {
            return [.. _types.Where(t => t.Group.Length > 0)
                .GroupBy(t => t.Group)
                .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(t => t.Version).Distinct()]))];
        }
    }

    /// <summary>Replaces the resources of one CRD (by group and plural) with the given versions.</summary>
    public void SetCustom(string group, string plural, IReadOnlyList<ResourceType> versions)
    {
        lock (_gate)
        {
            _types.RemoveAll(t => t.IsCustom && t.Group == group && t.Plural == plural);
            _types.AddRange(versions);
            _revision++;
        }
    }

    public void RemoveCustom(string group, string plural)
    {
        lock (_gate)
        {
            _types.RemoveAll(t => t.IsCustom && t.Group == group && t.Plural == plural);
            _revision++;
        }
    }
}
