namespace ChangeGuard.Notifications.Delivery;

/// <summary>
/// Keeps each channel within its documented rate limits in this process: a sliding-window log per channel, so no
/// window of the limit's length ever holds more sends than allowed (a token bucket would allow a burst on top of the
/// rate, and DingTalk blocks a robot for ten minutes after the 21st message in a minute). A sender reserves the next
/// free slot and waits for it; a slot later than the caller can wait is not reserved.
/// </summary>
public sealed class ChannelRateLimiter(TimeProvider time)
{
    private readonly Dictionary<string, List<DateTimeOffset>> _sends = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    /// <summary>
    /// Reserves the next send of <paramref name="channel"/> no later than <paramref name="maxWait"/> from now and returns
    /// how long to wait for it; null when the next free slot is later (nothing is reserved then).
    /// </summary>
    public TimeSpan? Reserve(string channel, ChannelType type, TimeSpan maxWait)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var limits = ChannelRateLimits.Of(type);
        if (limits.Count == 0)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_sends.TryGetValue(channel, out var sends))
            {
                sends = [];
                _sends[channel] = sends;
            }

            var longest = limits.Max(l => l.Per);
            sends.RemoveAll(at => at <= now - longest);

            // Sends are kept in order: each slot is at or after the last one, and at least one window after the
            // Count-th most recent send of every limit.
            var slot = sends.Count > 0 && sends[^1] > now ? sends[^1] : now;
            foreach (var limit in limits)
            {
                if (sends.Count >= limit.Count && sends[^limit.Count] + limit.Per > slot)
                {
                    slot = sends[^limit.Count] + limit.Per;
                }
            }

            var wait = slot - now;
            if (wait > maxWait)
            {
                return null;
            }

            sends.Add(slot);
            return wait;
        }
    }
}
