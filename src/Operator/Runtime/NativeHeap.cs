using System.Runtime.InteropServices;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// Gives the C library's free memory back to the operating system. The runtime, the JIT and OpenSSL allocate through
/// malloc, and glibc returns a freed block to the system only when it sits at the top of its heap; the rest stays
/// resident. <c>malloc_trim</c> releases every free page of every arena (10 MiB of the operator at 10,000 pods,
/// docs/benchmarks.md). glibc is loaded by its soname, the one file a minimal image has; where it is missing (musl),
/// trimming is skipped from then on.
/// </summary>
public static class NativeHeap
{
    private static volatile bool s_unsupported = !OperatingSystem.IsLinux();

    /// <summary>Trims the C library's heap; false where the C library cannot (then nothing is done).</summary>
    public static bool Trim()
    {
        if (s_unsupported)
        {
            return false;
        }

        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            s_unsupported = true;
        }
        catch (DllNotFoundException)
        {
            s_unsupported = true;
        }

        return false;
    }

    // DllImport rather than LibraryImport: the signature is blittable, so no marshalling code is generated either way,
    // and LibraryImport would need the project compiled with unsafe code allowed.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
