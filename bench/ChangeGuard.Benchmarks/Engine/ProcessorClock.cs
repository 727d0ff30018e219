using System.Diagnostics;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>This process's processor time and the wall clock, read together, so a span's CPU and its length pair up.</summary>
/// <param name="Cpu">Processor time used by the process so far (all threads, user and kernel).</param>
/// <param name="Wall">A <see cref="Stopwatch"/> timestamp.</param>
public readonly record struct ProcessorClock(TimeSpan Cpu, long Wall)
{
    /// <summary>Reads both now.</summary>
    public static ProcessorClock Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessorClock(process.TotalProcessorTime, Stopwatch.GetTimestamp());
    }

    /// <summary>Processor time since <paramref name="earlier"/>.</summary>
    public TimeSpan CpuSince(ProcessorClock earlier) => Cpu - earlier.Cpu;

    /// <summary>Wall time since <paramref name="earlier"/>.</summary>
    public TimeSpan WallSince(ProcessorClock earlier) => Stopwatch.GetElapsedTime(earlier.Wall, Wall);
}
