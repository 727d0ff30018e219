using System.Threading.RateLimiting;

namespace ChangeGuard.Notifications.Delivery;

/// <summary>
/// Keeps each channel within its documented rate limits in this process with System.Threading.RateLimiting: a
/// <see cref="SlidingWindowRateLimiter"/> per limit and channel, chained when a channel has several (Feishu). A sliding
/// window, not a token bucket, since a bucket allows a burst on top of the rate and DingTalk blocks a robot for ten
/// minutes after the 21st message in a minute. Senders that find no free permit queue oldest first. The library's
/// limiters run on the real clock: they take no <see cref="TimeProvider"/>.
/// </summary>
public sealed class ChannelRateLimiter : IDisposable
{
    /// <summary>
    /// Segments per limit period. The limiter frees a segment's sends only when the whole segment has left its window,
    /// so the window is the period plus one segment: every send then counts for at least the full period, at the cost
    /// of waiting up to a tenth of it longer than an exact log would.
    /// </summary>
    private const int SegmentsPerPeriod = 10;

    private readonly Func<ChannelType, IReadOnlyList<RateLimit>> _limitsOf;
    private readonly Dictionary<string, RateLimiter?> _limiters = new(StringComparer.Ordinal);
    private readonly List<RateLimiter> _windows = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>The documented limits of <see cref="ChannelRateLimits"/>.</summary>
    public ChannelRateLimiter()
        : this(ChannelRateLimits.Of)
    {
    }

    /// <summary>Other limits, so tests can use windows short enough to pass while they run.</summary>
    internal ChannelRateLimiter(Func<ChannelType, IReadOnlyList<RateLimit>> limitsOf)
    {
        _limitsOf = limitsOf;
    }

    /// <summary>
    /// Takes a send of <paramref name="channel"/> (its name, ignoring case), waiting in the channel's queue for a free
    /// one; false when the queue is full or the limiter is disposed meanwhile. Cancelling leaves the queue with nothing
    /// taken, except that a chained limit already passed keeps the send counted (conservative).
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while the send waited.</exception>
    public async ValueTask<bool> AcquireAsync(string channel, ChannelType type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (LimiterOf(channel, type) is not { } limiter)
        {
            return true;
        }

        // A sliding window's lease holds nothing to give back: the send counts until it leaves the window.
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    /// <summary>Stops the windows' timers; senders still queued are refused.</summary>
    public void Dispose()
    {
        RateLimiter[] limiters;
        lock (_gate)
        {
            _disposed = true;
            limiters = [.. _limiters.Values.OfType<RateLimiter>().Concat(_windows).Distinct()];
            _limiters.Clear();
            _windows.Clear();
        }

        // A chain does not dispose the limiters it chains: each window is disposed itself.
        foreach (var limiter in limiters)
        {
            limiter.Dispose();
        }
    }

    /// <summary>
    /// The library's options for one limit: the window one segment longer than the period (see
    /// <see cref="SegmentsPerPeriod"/>), a queue as long as the limit can serve within the longest delivery timeout
    /// (a later place could never be reached in time), oldest first.
    /// </summary>
    internal static SlidingWindowRateLimiterOptions OptionsOf(RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var segment = limit.Per / SegmentsPerPeriod;
        var periods = (int)Math.Ceiling(NotificationOptions.LongestDeliveryTimeout / limit.Per);
        return new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit.Count,
            Window = limit.Per + segment,
            SegmentsPerWindow = SegmentsPerPeriod + 1,
            QueueLimit = (int)Math.Min(int.MaxValue, (long)limit.Count * periods),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    private RateLimiter? LimiterOf(string channel, ChannelType type)
    {
        var key = FormattableString.Invariant($"{type}\n{channel.ToUpperInvariant()}");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_limiters.TryGetValue(key, out var limiter))
            {
                RateLimiter[] windows = [.. _limitsOf(type).OrderByDescending(l => l.Per).Select(l => new SlidingWindowRateLimiter(OptionsOf(l)))];
                _windows.AddRange(windows);
                limiter = Chain(windows);
                _limiters[key] = limiter;
            }

            return limiter;
        }
    }

    /// <summary>
    /// One limiter per limit, the longest period first: a chain counts a send in each limiter when that limiter grants
    /// it, so the last one, the shortest, counts it when it is sent and holds exactly; the longer ones count it earlier
    /// by at most the wait on the shorter.
    /// </summary>
    private static RateLimiter? Chain(RateLimiter[] windows) => windows.Length switch
    {
        0 => null,
        1 => windows[0],
        _ => RateLimiter.CreateChained(windows),
    };
}
