using System.Text.Json;
using System.Text.Json.Serialization;
using RightSizer.Operator.Hosting;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Hosting;

public sealed class KubernetesJsonStringsTests
{
    [Test]
    public void Pool_FreshOptionsTwice_OneConverterFirstInLine()
    {
        var json = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };

        Assert.Multiple(() =>
        {
            Assert.That(KubernetesJsonStrings.Pool(json), Is.True);
            Assert.That(KubernetesJsonStrings.Pool(json), Is.True);
            Assert.That(json.Converters.OfType<PooledStringConverter>().Count(), Is.EqualTo(1));
            Assert.That(json.Converters[0], Is.InstanceOf<PooledStringConverter>());
        });
    }

    [Test]
    public void Pool_OptionsAlreadyInUse_LeftAsTheyAre()
    {
        var json = new JsonSerializerOptions();
        _ = JsonSerializer.Serialize("in use", json);

        Assert.Multiple(() =>
        {
            Assert.That(KubernetesJsonStrings.Pool(json), Is.False);
            Assert.That(json.Converters, Is.Empty);
        });
    }
}
