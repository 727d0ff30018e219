using ChangeGuard.Simulator.Api;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>Reads the simulator's request log: which change order a call was about, polls per order, the busiest minute.</summary>
public static class CallLogStats
{
    /// <summary>The change order a call names, if any.</summary>
    public static string? OrderOf(RequestLogEntry entry) =>
        entry?.Parameters.TryGetValue("ChangeOrderId", out var id) == true ? id : null;

    /// <summary>How many DescribeChangeOrder calls each change order has had.</summary>
    public static Dictionary<string, int> PollsPerOrder(RequestLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Read("DescribeChangeOrder")
            .Select(OrderOf)
            .OfType<string>()
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Most entries whose answer time falls within any window of the given length.</summary>
    public static int PeakInWindow(IEnumerable<RequestLogEntry> entries, TimeSpan window)
    {
        var times = entries.Select(e => e.At).Order().ToArray();
        var peak = 0;
        var first = 0;
        for (var last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= window)
            {
                first++;
            }

            peak = Math.Max(peak, last - first + 1);
        }

        return peak;
    }

    /// <summary>Gaps between consecutive times.</summary>
    public static IEnumerable<TimeSpan> Gaps(IEnumerable<DateTimeOffset> times)
    {
        var sorted = times.Order().ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            yield return sorted[i] - sorted[i - 1];
        }
    }
}
