using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class NativeHeapTests
{
    [Test]
    public void Trim_OnGlibc_Trims()
    {
        Assume.That(File.Exists("/lib/x86_64-linux-gnu/libc.so.6") || File.Exists("/usr/lib/x86_64-linux-gnu/libc.so.6"), "a glibc system");

        Assert.That(NativeHeap.Trim(), Is.True, "malloc_trim found in libc.so.6");
    }
}
