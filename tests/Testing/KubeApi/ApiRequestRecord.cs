namespace RightSizer.Testing.KubeApi;

/// <summary>One request served, named as RBAC names it (verb get, list, watch, create, update, patch, delete, deletecollection).</summary>
public sealed record ApiRequestRecord(string Verb, string Group, string Resource, string Subresource, string Namespace);
