using System.Collections.Concurrent;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>Counts the bare loops' polls and keeps their lateness (activity start minus the poll's due time).</summary>
public sealed class BarePollRecorder
{
    private readonly ConcurrentQueue<TimeSpan> _lateness = new();
    private long _polls;

    /// <summary>Polls so far.</summary>
    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>Notes one poll.</summary>
    public void Record(TimeSpan lateness)
    {
        Interlocked.Increment(ref _polls);
        _lateness.Enqueue(lateness);
    }

    /// <summary>Takes the lateness noted since the last call.</summary>
    public IReadOnlyList<TimeSpan> Drain()
    {
        var taken = new List<TimeSpan>();
        while (_lateness.TryDequeue(out var value))
        {
            taken.Add(value);
        }

        return taken;
    }
}
