using System.Diagnostics;

namespace ChangeGuard.Benchmarks;

/// <summary>Percentiles over raw Stopwatch tick durations, nearest-rank, so p99 is a latency that really happened.</summary>
public sealed class LatencyStats
{
    private readonly long[] _sorted;

    /// <summary>Copies and sorts the durations (Stopwatch ticks).</summary>
    public LatencyStats(IEnumerable<long> ticks)
    {
        _sorted = ticks.ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("at least one duration is needed", nameof(ticks));
        }

        Array.Sort(_sorted);
    }

    /// <summary>How many durations were recorded.</summary>
    public int Count => _sorted.Length;

    /// <summary>The nearest-rank percentile, in microseconds.</summary>
    public double PercentileMicroseconds(double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * _sorted.Length);
        return ToMicroseconds(_sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)]);
    }

    /// <summary>The arithmetic mean, in microseconds.</summary>
    public double MeanMicroseconds => ToMicroseconds(_sorted.Average(t => (double)t));

    /// <summary>The slowest call, in microseconds.</summary>
    public double MaxMicroseconds => ToMicroseconds(_sorted[^1]);

    private static double ToMicroseconds(double ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
