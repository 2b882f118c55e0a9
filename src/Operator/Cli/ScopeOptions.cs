using System.CommandLine;
using RightSizer.Recommender.History;

namespace RightSizer.Operator.Cli;

/// <summary>The flags that narrow what a scan reads: namespaces, pod labels, one cluster of a multi-cluster Prometheus.</summary>
public sealed class ScopeOptions
{
    public const string DefaultClusterLabel = "cluster";

    public Option<string[]> Namespaces { get; } = new("--namespace", "-n") { Description = "Only containers in this namespace; repeatable.", AllowMultipleArgumentsPerToken = false };

    public Option<string?> Selector { get; } = new("--selector", "-l") { Description = "Only pods whose labels match all terms, e.g. app=web,tier=api (Prometheus only)." };

    public Option<string?> Cluster { get; } = new("--cluster") { Description = "Only series of this cluster, for a Prometheus that holds several (Prometheus only)." };

    public Option<string> ClusterLabel { get; } = new("--cluster-label") { Description = "The series label naming the cluster, for --cluster.", DefaultValueFactory = _ => DefaultClusterLabel };

    public void AddTo(Command command)
    {
        command.Options.Add(Namespaces);
        command.Options.Add(Selector);
        command.Options.Add(Cluster);
        command.Options.Add(ClusterLabel);
    }

    /// <summary>The query narrowed by the flags.</summary>
    public HistoryQuery Apply(ParseResult parse, HistoryQuery query)
    {
        var namespaces = parse.GetValue(Namespaces) ?? [];
        if (namespaces.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            throw new CliInputException("--namespace '': give a namespace name (leave the flag out for all namespaces)");
        }

        var clusterLabel = parse.GetValue(ClusterLabel)!;
        if (clusterLabel.Length == 0 || !clusterLabel.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(clusterLabel[0]))
        {
            throw new CliInputException($"--cluster-label '{clusterLabel}': must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)");
        }

        var cluster = parse.GetValue(Cluster);
        if (cluster is { Length: 0 })
        {
            throw new CliInputException("--cluster '': give a cluster name");
        }

        if (cluster is null && parse.GetResult(ClusterLabel) is { Implicit: false })
        {
            throw new CliInputException("--cluster-label needs --cluster NAME");
        }

        return query with
        {
            Namespaces = [.. namespaces.Distinct(StringComparer.Ordinal)],
            PodLabels = LabelSelector.Parse(parse.GetValue(Selector)),
            Cluster = cluster is null ? null : new LabelRequirement(clusterLabel, cluster),
        };
    }
}
