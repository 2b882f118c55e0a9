using System.Buffers;
using System.Text;
using System.Text.Json;
using k8s.Models;
using RightSizer.Api.Text;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class PooledStringConverterTests
{
    private static readonly string Long = new('x', Utf8StringPool.MaxPooledBytes + 1);

    private static IEnumerable<TestCaseData> Values() =>
    [
        new TestCaseData("\"team-093\"", true).SetName("Read_ShortAscii_PooledAndEqual"),
        new TestCaseData("\"\"", true).SetName("Read_Empty_PooledAndEqual"),
        new TestCaseData($"\"{new string('y', Utf8StringPool.MaxPooledBytes)}\"", true).SetName("Read_AtTheLengthLimit_PooledAndEqual"),
        new TestCaseData($"\"{Long}\"", false).SetName("Read_PastTheLengthLimit_ReadAsUsual"),
        new TestCaseData("\"a\\/b\\u0041\"", false).SetName("Read_Escaped_ReadAsUsual"),
        new TestCaseData("\"grüße\"", false).SetName("Read_NonAscii_ReadAsUsual"),
    ];

    [TestCaseSource(nameof(Values))]
    public void Read_Value_SameTextAsTheDefaultReaderAndPooledOnlyWhenShortPlainAscii(string json, bool pooled)
    {
        var options = Options();

        var first = JsonSerializer.Deserialize<string>(json, options);
        var second = JsonSerializer.Deserialize<string>(json, options);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(JsonSerializer.Deserialize<string>(json)));
            Assert.That(second, Is.EqualTo(first));
            Assert.That(ReferenceEquals(first, second), Is.EqualTo(pooled));
        });
    }

    [Test]
    public void Read_Null_Null()
    {
        Assert.That(JsonSerializer.Deserialize<string>("null", Options()), Is.Null);
    }

    [Test]
    public void Read_NotAString_FailsAsTheDefaultReaderFails()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => JsonSerializer.Deserialize<string>("42"), Throws.InstanceOf<JsonException>());
            Assert.That(() => JsonSerializer.Deserialize<string>("42", Options()), Throws.InstanceOf<JsonException>());
        });
    }

    [Test]
    public void Read_ValueSplitAcrossBuffers_ReadWhole()
    {
        var json = Encoding.UTF8.GetBytes("{\"name\":\"team-093\"}");
        var head = new Segment(json.AsMemory(0, 12));
        var tail = head.Append(json.AsMemory(12));
        var sequence = new ReadOnlySequence<byte>(head, 0, tail, tail.Memory.Length);

        var reader = new Utf8JsonReader(sequence);
        var read = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, Options());

        Assert.That(read, Is.EqualTo(new Dictionary<string, string> { ["name"] = "team-093" }));
    }

    [Test]
    public void Read_TwoPods_TheirRepeatedValuesShareOneString()
    {
        var options = Options();
        const string Pod = "{\"metadata\":{\"name\":\"web-{0}\",\"namespace\":\"shop\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"registry.example/web:1\"}]}}";

        var a = JsonSerializer.Deserialize<V1Pod>(Pod.Replace("{0}", "a", StringComparison.Ordinal), options)!;
        var b = JsonSerializer.Deserialize<V1Pod>(Pod.Replace("{0}", "b", StringComparison.Ordinal), options)!;

        Assert.Multiple(() =>
        {
            Assert.That((a.Metadata.Name, b.Metadata.Name), Is.EqualTo(("web-a", "web-b")));
            Assert.That(b.Metadata.NamespaceProperty, Is.SameAs(a.Metadata.NamespaceProperty));
            Assert.That(b.Metadata.Labels.Keys.Single(), Is.SameAs(a.Metadata.Labels.Keys.Single()));
            Assert.That(b.Metadata.Labels["app"], Is.SameAs(a.Metadata.Labels["app"]));
            Assert.That(b.Spec.Containers[0].Image, Is.SameAs(a.Spec.Containers[0].Image));
        });
    }

    [Test]
    public void Write_ValuesAndDictionaryKeys_WrittenAsTheDefaultWriterWrites()
    {
        var value = new Dictionary<string, string> { ["a/b\"c"] = "grüße", ["k"] = Long };

        Assert.That(JsonSerializer.Serialize(value, Options()), Is.EqualTo(JsonSerializer.Serialize(value)));
    }

    private static JsonSerializerOptions Options() => new() { Converters = { new PooledStringConverter() } };

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory)
        {
            Memory = memory;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
