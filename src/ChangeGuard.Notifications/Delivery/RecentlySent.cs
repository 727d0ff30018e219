
namespace ChangeGuard.Notifications.Delivery;

/// <summary>
/// The deliveries this process made or is making, by channel and event id, for an hour: a redelivered activity (the
/// engine runs activities at least once) joins the delivery already running or reports the one already made instead
/// of posting again. A failed delivery is forgotten, so a later attempt may try again.
/// </summary>
public sealed class RecentlySent(TimeProvider time)
{
    /// <summary>How long a delivery is remembered.</summary>
    public static readonly TimeSpan Remember = TimeSpan.FromHours(1);

    /// <summary>Most deliveries remembered; the oldest finished ones go first.</summary>
    public const int Capacity = 10_000;

    private readonly Dictionary<string, (Task<NotifyResult> Outcome, DateTimeOffset At)> _deliveries = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>
    /// Starts a delivery of <paramref name="key"/>: true with a completion source the caller must complete, or false
    /// with the delivery already running or made.
    /// </summary>
    public bool TryBegin(string key, out Task<NotifyResult> existing, out TaskCompletionSource<NotifyResult> owned)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Prune(now);
            if (_deliveries.TryGetValue(key, out var entry))
            {
                existing = entry.Outcome;
                owned = null!;
                return false;
            }

            owned = new TaskCompletionSource<NotifyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            existing = owned.Task;
            _deliveries[key] = (owned.Task, now);
            return true;
        }
    }

    /// <summary>Forgets a delivery (one that failed), so the next attempt posts again.</summary>
    public void Forget(string key)
    {
        lock (_gate)
        {
            _deliveries.Remove(key);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _deliveries.Where(d => d.Value.Outcome.IsCompleted && now - d.Value.At > Remember).ToArray())
        {
            _deliveries.Remove(key);
        }

        if (_deliveries.Count >= Capacity)
        {
            foreach (var (key, _) in _deliveries.Where(d => d.Value.Outcome.IsCompleted).OrderBy(d => d.Value.At).Take(_deliveries.Count - Capacity + 1).ToArray())
            {
                _deliveries.Remove(key);
            }
        }
    }
}
