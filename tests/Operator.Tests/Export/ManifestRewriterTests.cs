using RightSizer.Api.Units;
using RightSizer.Operator.Export;

namespace RightSizer.Operator.Tests.Export;

public sealed class ManifestRewriterTests
{
    private static readonly string Fixture = File.ReadAllText(RepositoryRoot.File("tests", "Operator.Tests", "Export", "Fixtures", "shop.yaml"));

    private static readonly ContainerProposal[] Proposals =
    [
        Proposal("Deployment", "web", "app", "768Mi", "1536Mi"),
        Proposal("Deployment", "web", "sidecar", "128Mi", "256Mi"),
        Proposal("StatefulSet", "db", "postgres", "512Mi", "1Gi") with
        {
            HeapEnv = [new("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0")],
        },
        Proposal("CronJob", "report", "report", "32Mi", "96Mi"),
        Proposal("CronJob", "report", "helper", "16Mi", "32Mi"),
    ];

    [Test]
    public void Rewrite_ShopManifests_MatchesExpectedFile()
    {
        var expected = File.ReadAllText(RepositoryRoot.File("tests", "Operator.Tests", "Export", "Fixtures", "shop.expected.yaml"));

        Assert.That(Rewrite(Fixture).Text, Is.EqualTo(expected));
    }

    [Test]
    public void Rewrite_ShopManifests_ChangesOnlyTheMemoryAndHeapLines()
    {
        var removed = RemovedLines(Fixture, Rewrite(Fixture).Text);

        Assert.That(removed, Is.EqualTo(new[]
        {
            "              memory: \"1Gi\"      # set by hand",
            "              memory: '2Gi'",
            "          resources: { requests: {cpu: 50m} }",
            "          value: -Xss1m",
        }));
    }

    [Test]
    public void Rewrite_ShopManifests_ValuesReadBackAsProposed()
    {
        var workloads = ManifestScanner.Scan(Rewrite(Fixture).Text).Select(w => w.Manifest).ToList();
        var web = workloads.Single(w => w.Name == "web").Containers;
        var db = workloads.Single(w => w.Name == "db").Containers.Single();

        Assert.Multiple(() =>
        {
            Assert.That(web.Select(c => (c.Request, c.Limit)), Is.EqualTo(new[]
            {
                (Memory.Parse("768Mi"), Memory.Parse("1536Mi")),
                ((Memory?)Memory.Parse("128Mi"), (Memory?)Memory.Parse("256Mi")),
            }));
            Assert.That(db.Request, Is.EqualTo(Memory.Parse("512Mi")));
            Assert.That(db.Env, Does.Contain(new KeyValuePair<string, string?>("JAVA_TOOL_OPTIONS", "-Xss1m -XX:MaxRAMPercentage=75.0")));
        });
    }

    [Test]
    public void Rewrite_SharedAnchors_LeftAloneWithWarnings()
    {
        var rewrite = Rewrite(Fixture);

        Assert.Multiple(() =>
        {
            Assert.That(rewrite.Text, Does.Contain("              limits: &reportLimits\n                memory: 64Mi\n"));
            Assert.That(rewrite.Warnings, Has.Some.Contains("container report: a map anchored &reportLimits is shared"));
            Assert.That(rewrite.Warnings, Has.Some.Contains("container helper: limits is the alias *reportLimits"));
        });
    }

    [Test]
    public void Rewrite_SecondRun_ChangesNothing()
    {
        var once = Rewrite(Fixture).Text;

        Assert.That(Rewrite(once).Text, Is.EqualTo(once));
    }

    [Test]
    public void Rewrite_RequestsWithoutMemoryAndNoLimits_MemoryStaysUnderRequests()
    {
        const string before = "kind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n" +
            "      - name: app\n        resources:\n          requests:\n            cpu: 100m\n";

        Assert.That(Rewrite(before).Text, Is.EqualTo(before +
            "            memory: 768Mi\n          limits:\n            memory: 1536Mi\n"));
    }

    private static ManifestRewrite Rewrite(string text)
    {
        var manifests = ManifestScanner.Scan(text).Select(w => w.Manifest).ToList();
        var plan = ExportPlanner.Plan(Proposals, manifests, MinChange.None);
        return ManifestRewriter.Rewrite(text, plan.Patches);
    }

    private static ContainerProposal Proposal(string kind, string name, string container, string request, string limit) =>
        new(new WorkloadRef("shop", kind, name), container, Memory.Parse(request), Memory.Parse(limit));

    /// <summary>The lines of <paramref name="before"/> that are not in <paramref name="after"/>, by longest common subsequence.</summary>
    private static List<string> RemovedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var removed = new List<string>();
        for (int i = 0, j = 0; i < a.Length;)
        {
            if (j < b.Length && a[i] == b[j])
            {
                i++;
                j++;
            }
            else if (j < b.Length && common[i, j + 1] >= common[i + 1, j])
            {
                j++;
            }
            else
            {
                removed.Add(a[i++]);
            }
        }

        return removed;
    }
}
