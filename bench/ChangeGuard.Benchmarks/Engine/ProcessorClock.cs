using System.Diagnostics;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// This process's processor time, bytes allocated and the wall clock, read together, so a span's CPU, its allocations
/// and its length pair up. Allocations are the steadier measure of work on a shared machine: another process's load
/// changes the CPU a span takes, never what it allocates.
/// </summary>
/// <param name="Cpu">Processor time used by the process so far (all threads, user and kernel).</param>
/// <param name="Wall">A <see cref="Stopwatch"/> timestamp.</param>
/// <param name="Allocated">Bytes allocated on the managed heap by the process so far (all threads).</param>
public readonly record struct ProcessorClock(TimeSpan Cpu, long Wall, long Allocated)
{
    /// <summary>Reads both now.</summary>
    public static ProcessorClock Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessorClock(process.TotalProcessorTime, Stopwatch.GetTimestamp(), GC.GetTotalAllocatedBytes(precise: false));
    }

    /// <summary>Processor time since <paramref name="earlier"/>.</summary>
    public TimeSpan CpuSince(ProcessorClock earlier) => Cpu - earlier.Cpu;

    /// <summary>Bytes allocated since <paramref name="earlier"/>.</summary>
    public long AllocatedSince(ProcessorClock earlier) => Allocated - earlier.Allocated;

    /// <summary>Wall time since <paramref name="earlier"/>.</summary>
    public TimeSpan WallSince(ProcessorClock earlier) => Stopwatch.GetElapsedTime(earlier.Wall, Wall);
}
