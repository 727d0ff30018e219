using ChangeGuard.Simulator.Api;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>Reads the simulator's request log: which change order a call was about, polls per order, the busiest minute.</summary>
public static class CallLogStats
{
    /// <summary>The change order a call names, if any.</summary>
    public static string? OrderOf(RequestLogEntry entry) =>
        entry?.Parameters.TryGetValue("ChangeOrderId", out var id) == true ? id : null;

    /// <summary>
    /// When a watch of <paramref name="changeOrderId"/> on <paramref name="appId"/> polled: its reads (of the order or of
    /// the app), those less than <see cref="SamePoll"/> apart counted as one poll. A poll reads the order, the instances or
    /// both, so no single API marks every poll.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> PollTimes(IEnumerable<RequestLogEntry> calls, string appId, string changeOrderId)
    {
        var times = calls
            .Where(c => c.Action is "DescribeChangeOrder" or "DescribeApplicationInstances")
            .Where(c => OrderOf(c) == changeOrderId || (c.Parameters.TryGetValue("AppId", out var app) && app == appId))
            .Select(c => c.At)
            .Order()
            .ToArray();
        var polls = new List<DateTimeOffset>();
        foreach (var at in times)
        {
            if (polls.Count == 0 || at - polls[^1] >= SamePoll)
            {
                polls.Add(at);
            }
        }

        return polls;
    }

    /// <summary>Reads closer than this belong to one poll (a third of the suite's requested interval).</summary>
    public static readonly TimeSpan SamePoll = BudgetScale.PollInterval / 3;

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
