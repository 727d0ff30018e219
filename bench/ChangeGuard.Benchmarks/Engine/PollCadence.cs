using ChangeGuard.Simulator.Api;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// Poll lateness read from the simulator's log: each DescribeChangeOrder of a watched order opens its poll, so the
/// gap between two of them, less the interval, is how late the second poll started (an upper bound: it also holds
/// the first poll's own run). Only polls inside the measured window count; an order still waiting when the window
/// closes counts with how late it is by then, so a starved watch cannot hide.
/// </summary>
public sealed class PollCadence(TimeSpan interval, Func<string, bool> counts)
{
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);
    private readonly List<double> _latenessMs = [];
    private DateTimeOffset? _from;
    private DateTimeOffset? _to;

    /// <summary>Polls that started inside the window.</summary>
    public long Polls { get; private set; }

    /// <summary>Lateness samples in milliseconds.</summary>
    public IReadOnlyList<double> LatenessMs => _latenessMs;

    /// <summary>Orders seen polling at least once.</summary>
    public int Orders => _last.Count;

    /// <summary>Starts counting at <paramref name="from"/>.</summary>
    public void Open(DateTimeOffset from) => _from = from;

    /// <summary>Stops counting at <paramref name="to"/> and adds the lateness of every order still waiting then.</summary>
    public void Close(DateTimeOffset to)
    {
        _to = to;
        foreach (var last in _last.Values)
        {
            var overdue = to - last - interval;
            if (overdue > TimeSpan.Zero)
            {
                _latenessMs.Add(overdue.TotalMilliseconds);
            }
        }
    }

    /// <summary>Takes log entries in the order they were answered.</summary>
    public void Add(IEnumerable<RequestLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (entry.Action != "DescribeChangeOrder" || !entry.Parameters.TryGetValue("ChangeOrderId", out var id) || !counts(id))
            {
                continue;
            }

            var inside = _from is { } from && entry.At >= from && (_to is null || entry.At <= _to);
            if (inside)
            {
                Polls++;
                if (_last.TryGetValue(id, out var previous))
                {
                    _latenessMs.Add((entry.At - previous - interval).TotalMilliseconds);
                }
            }

            _last[id] = entry.At;
        }
    }
}
