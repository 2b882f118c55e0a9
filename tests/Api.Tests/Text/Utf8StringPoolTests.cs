using System.Text;
using System.Text.Json;
using RightSizer.Api.Text;

namespace RightSizer.Api.Tests.Text;

public sealed class Utf8StringPoolTests
{
    [TestCase(0)]
    [TestCase(-4)]
    [TestCase(3)]
    [TestCase(1000)]
    public void Constructor_SlotsNotAPowerOfTwo_Refused(int slots)
    {
        Assert.That(() => new Utf8StringPool(slots), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("power of two"));
    }

    [Test]
    public void Read_ValuesSharingOneSlot_EachReadAsItsOwnText()
    {
        var pool = new Utf8StringPool(1);

        var first = Read(pool, "alpha");
        var other = Read(pool, "beta");
        var again = Read(pool, "alpha");

        Assert.Multiple(() =>
        {
            Assert.That((first, other, again), Is.EqualTo(("alpha", "beta", "alpha")));
            Assert.That(ReferenceEquals(first, again), Is.False, "the slot was taken over by the value between");
            Assert.That(ReferenceEquals(again, Read(pool, "alpha")), Is.True);
        });
    }

    [Test]
    public void Read_PropertyName_PooledLikeAValue()
    {
        var pool = new Utf8StringPool(16);
        var json = Encoding.UTF8.GetBytes("""{"app":"app"}""");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();

        var name = pool.Read(ref reader);
        reader.Read();

        Assert.That(ReferenceEquals(name, pool.Read(ref reader)), Is.True);
    }

    private static string Read(Utf8StringPool pool, string value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        reader.Read();
        return pool.Read(ref reader);
    }
}
