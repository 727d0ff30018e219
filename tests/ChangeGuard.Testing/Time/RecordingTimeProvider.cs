using System.Collections.Concurrent;

namespace ChangeGuard.Testing.Time;

/// <summary>
/// The system clock that remembers every timer it was asked to create (<c>Task.Delay(d, time)</c> creates one), so a
/// test can check how long code asked to wait, such as a Retry-After, without measuring wall-clock time.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => _delays.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
