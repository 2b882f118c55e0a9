using k8s.Models;
using RightSizer.Api.Units;

namespace RightSizer.Api.Tests.Units;

/// <summary>Memory against KubernetesClient's ResourceQuantity, which parses quantities as the API server does.</summary>
public sealed class MemoryTests
{
    private static readonly string[] Quantities =
    [
        "0", "1", "134217728", "512Mi", "1Gi", "1.5Gi", "0.5Mi", ".5Mi", "5.Mi", "1Ki", "3Ti", "2Pi", "1Ei", "1k", "1M", "1G",
        "2.5G", "1T", "1P", "1E", "1e3", "1E3", "1e9", "1.5e3", "1e+3", "1e-3", "100m", "1m", "1500m", "+1Gi", "007Mi",
        "0.0001Ki", "123456789012", "8E",
    ];

    private static IEnumerable<TestCaseData> ParseCases() =>
        Quantities.Select(q => new TestCaseData(q).SetName($"Parse_{Name(q)}_BytesAsResourceQuantityRoundedUp"));

    [TestCaseSource(nameof(ParseCases))]
    public void Parse_Quantity_BytesAsResourceQuantityRoundedUp(string quantity)
    {
        // Kubernetes rounds fractions of a byte up (resource.Quantity.Value() is the ceiling).
        var expected = decimal.Ceiling(new ResourceQuantity(quantity).ToDecimal());

        Assert.That(Memory.Parse(quantity).Bytes, Is.EqualTo((long)expected));
    }

    private static readonly TestCaseData[] Invalid =
    [
        new TestCaseData("", "quantity is empty").SetName("Parse_Empty_Rejected"),
        new TestCaseData("lots", "\"lots\" is not a quantity (expected e.g. 512Mi, 1Gi or 134217728)").SetName("Parse_Word_Rejected"),
        new TestCaseData("1K", "\"1K\" has an unknown unit \"K\" (use Ki, Mi, Gi, Ti, k, M, G or T)").SetName("Parse_UpperCaseK_UnknownUnit"),
        new TestCaseData("1MB", "\"1MB\" has an unknown unit \"MB\" (use Ki, Mi, Gi, Ti, k, M, G or T)").SetName("Parse_MegabyteSuffix_UnknownUnit"),
        new TestCaseData("1.5.5Mi", "\"1.5.5Mi\" is not a quantity (expected e.g. 512Mi, 1Gi or 134217728)").SetName("Parse_TwoPoints_Rejected"),
        new TestCaseData("Mi", "\"Mi\" is not a quantity (expected e.g. 512Mi, 1Gi or 134217728)").SetName("Parse_SuffixOnly_Rejected"),
        new TestCaseData("1e19", "quantity \"1e19\" is out of range").SetName("Parse_ExponentBeyondEighteen_OutOfRange"),
        new TestCaseData("9Ei", "quantity \"9Ei\" is out of range").SetName("Parse_BeyondLong_OutOfRange"),
        new TestCaseData(" 1Gi", "\" 1Gi\" is not a quantity (expected e.g. 512Mi, 1Gi or 134217728)").SetName("Parse_LeadingSpace_RejectedAsKubernetesDoes"),
    ];

    [TestCaseSource(nameof(Invalid))]
    public void Parse_Invalid_FormatExceptionSaysWhy(string text, string message) =>
        Assert.That(() => Memory.Parse(text), Throws.TypeOf<FormatException>().With.Message.EqualTo(message));

    private static readonly TestCaseData[] ToQuantityCases =
    [
        new TestCaseData(0L, "0").SetName("ToQuantity_Zero_PlainZero"),
        new TestCaseData(1L, "1").SetName("ToQuantity_OneByte_PlainBytes"),
        new TestCaseData(1000L, "1000").SetName("ToQuantity_DecimalThousand_PlainBytes"),
        new TestCaseData(1024L, "1Ki").SetName("ToQuantity_KiB_Ki"),
        new TestCaseData(1536L, "1536").SetName("ToQuantity_OneAndAHalfKiB_PlainBytes"),
        new TestCaseData(512L * Memory.MiB, "512Mi").SetName("ToQuantity_512MiB_Mi"),
        new TestCaseData(1536L * Memory.MiB, "1536Mi").SetName("ToQuantity_OneAndAHalfGiB_Mi"),
        new TestCaseData(Memory.GiB, "1Gi").SetName("ToQuantity_GiB_Gi"),
        new TestCaseData(5 * Memory.TiB, "5Ti").SetName("ToQuantity_FiveTiB_Ti"),
        new TestCaseData(1024 * Memory.TiB, "1024Ti").SetName("ToQuantity_PiB_StaysTi"),
        new TestCaseData(Memory.MiB + 1, "1048577").SetName("ToQuantity_MiBPlusOne_PlainBytes"),
        new TestCaseData(-2 * Memory.MiB, "-2Mi").SetName("ToQuantity_Negative_SignedMi"),
    ];

    [TestCaseSource(nameof(ToQuantityCases))]
    public void ToQuantity_Bytes_ShortestExactAndSameValueForKubernetes(long bytes, string expected)
    {
        var quantity = new Memory(bytes).ToQuantity();

        Assert.Multiple(() =>
        {
            Assert.That(quantity, Is.EqualTo(expected));
            Assert.That(new ResourceQuantity(quantity).ToDecimal(), Is.EqualTo((decimal)bytes), "Kubernetes reads the same value");
            Assert.That(Memory.Parse(quantity).Bytes, Is.EqualTo(bytes), "round trip");
        });
    }

    [TestCaseSource(nameof(ToQuantityCases))]
    public void TryFormat_Bytes_WritesTheQuantityAndRefusesAShorterDestination(long bytes, string expected)
    {
        var memory = new Memory(bytes);
        var exact = new char[expected.Length];
        var shorter = new char[expected.Length - 1];

        var fits = memory.TryFormat(exact, out var written, default, null);
        var fitsShorter = memory.TryFormat(shorter, out var writtenShorter, default, null);

        Assert.Multiple(() =>
        {
            Assert.That((fits, new string(exact, 0, written)), Is.EqualTo((true, expected)));
            Assert.That((fitsShorter, writtenShorter), Is.EqualTo((false, 0)));
            Assert.That($"{memory}", Is.EqualTo(expected), "interpolation formats through TryFormat");
        });
    }

    private static readonly TestCaseData[] HumanCases =
    [
        new TestCaseData(0L, "0B").SetName("ToHuman_Zero_Bytes"),
        new TestCaseData(1023L, "1023B").SetName("ToHuman_BelowKiB_Bytes"),
        new TestCaseData(1536L * Memory.MiB, "1.5Gi").SetName("ToHuman_OneAndAHalfGiB_OneDecimal"),
        new TestCaseData(37L * Memory.MiB + (Memory.MiB / 5), "37.2Mi").SetName("ToHuman_Fraction_OneDecimal"),
        new TestCaseData(545L * Memory.MiB, "545Mi").SetName("ToHuman_AboveHundred_NoDecimal"),
        new TestCaseData(-40L * Memory.MiB, "-40Mi").SetName("ToHuman_Negative_Signed"),
    ];

    [TestCaseSource(nameof(HumanCases))]
    public void ToHuman_Bytes_ShortReading(long bytes, string expected) =>
        Assert.That(new Memory(bytes).ToHuman(), Is.EqualTo(expected));

    [Test]
    public void RoundUpToMiB_OneByteOver_NextMiB() =>
        Assert.That(new Memory(Memory.MiB + 1).RoundUpToMiB(), Is.EqualTo(new Memory(2 * Memory.MiB)));

    [Test]
    public void FromBytes_BeyondLong_OverflowException() =>
        Assert.That(() => Memory.FromBytes(1e30), Throws.TypeOf<OverflowException>());

    private static string Name(string quantity) =>
        string.Concat(quantity.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : c switch { '.' => "p", '+' => "plus", '-' => "minus", _ => "_" }));
}
