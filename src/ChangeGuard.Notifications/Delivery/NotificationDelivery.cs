using ChangeGuard.Domain;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Notifications.Formatting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Notifications.Delivery;

/// <summary>
/// Delivers one event to one configured channel: formats and signs it (again on each attempt, so the timestamp is
/// fresh), waits for the channel's rate limit, posts, and retries throttling and server errors with backoff
/// (a Retry-After wins) until <see cref="NotificationOptions.MaxAttempts"/> or <see cref="NotificationOptions.DeliveryTimeout"/>
/// run out. Deduplicated in-process by channel and event id. Logs channel names, event ids and answer codes only.
/// </summary>
public sealed partial class NotificationDelivery(
    NotificationSender sender,
    ChannelRateLimiter limiter,
    RecentlySent recent,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDelivery> logger)
{
    /// <summary>Delivers; a channel's failure comes back as <see cref="NotifyStatus.Failed"/>, never as an exception.</summary>
    public async Task<NotifyResult> DeliverAsync(WatchEvent watchEvent, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        ArgumentNullException.ThrowIfNull(channel);
        var settings = options.CurrentValue;
        if (settings.Find(channel) is not { } found)
        {
            LogUnknownChannel(logger, watchEvent.EventId, channel);
            return new NotifyResult(NotifyStatus.Failed, 0, "unknown channel");
        }

        if (found.Channel.ParsedType is not { } type || string.IsNullOrWhiteSpace(found.Channel.Url))
        {
            return new NotifyResult(NotifyStatus.Failed, 0, "channel not configured");
        }

        var key = found.Name.ToUpperInvariant() + "\n" + watchEvent.EventId;
        if (!recent.TryBegin(key, out var existing, out var owned))
        {
            var earlier = await existing.ConfigureAwait(false);
            LogDuplicate(logger, watchEvent.EventId, found.Name, earlier.Status);
            return earlier.Status == NotifyStatus.Failed ? earlier : new NotifyResult(NotifyStatus.AlreadySent, 0, earlier.Code);
        }

        var outcome = new NotifyResult(NotifyStatus.Failed, 0, "cancelled");
        try
        {
            outcome = await SendWithRetriesAsync(watchEvent, found.Name, found.Channel, type, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            outcome = new NotifyResult(NotifyStatus.Failed, 0, $"internal error ({ex.GetType().Name})");
        }
        finally
        {
            if (outcome.Status == NotifyStatus.Failed)
            {
                recent.Forget(key);
            }

            owned.TrySetResult(outcome);
        }

        LogDelivered(logger, watchEvent.EventId, found.Name, type, outcome.Status, outcome.Attempts, outcome.Code);
        ChangeGuardTelemetry.Notifications.Add(1, new KeyValuePair<string, object?>("channel_type", type.ToString()), new KeyValuePair<string, object?>("status", outcome.Status.ToString()));
        return outcome;
    }

    /// <summary>
    /// Delivers an event to the default channels (<see cref="NotificationOptions.Default"/>) that want it, all at once;
    /// the rollback guard's way to notify, since it runs outside any orchestration.
    /// </summary>
    public async Task<IReadOnlyList<(string Channel, NotifyResult Outcome)>> DeliverToDefaultsAsync(WatchEvent watchEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        var settings = options.CurrentValue;
        var channels = settings.Subscribe(settings.Default).Where(s => s.Wants(watchEvent.Type, watchEvent.Severity)).Select(s => s.Channel).ToArray();
        var outcomes = await Task.WhenAll(channels.Select(c => DeliverAsync(watchEvent, c, cancellationToken))).ConfigureAwait(false);
        return channels.Zip(outcomes).ToArray();
    }

    private async Task<NotifyResult> SendWithRetriesAsync(WatchEvent watchEvent, string name, NotificationChannelOptions channel, ChannelType type,
        NotificationOptions settings, CancellationToken cancellationToken)
    {
        var formatter = NotificationFormatters.For(type);
        var deadline = time.GetUtcNow() + settings.DeliveryTimeout;
        var attempts = 0;
        SendAttempt? last = null;
        while (attempts < settings.MaxAttempts)
        {
            if (!await WaitForRateLimitAsync(watchEvent.EventId, name, type, deadline - time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                return new NotifyResult(NotifyStatus.Failed, attempts, last?.Code ?? "rate limit: no free slot in time");
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            attempts++;
            var message = formatter.Format(watchEvent, channel, time.GetUtcNow());
            last = await sender.SendAsync(type, message, remaining < settings.AttemptTimeout ? remaining : settings.AttemptTimeout, cancellationToken).ConfigureAwait(false);
            switch (last.Verdict)
            {
                case SendVerdict.Sent:
                    return new NotifyResult(NotifyStatus.Sent, attempts, last.Code);
                case SendVerdict.Failed:
                    return new NotifyResult(NotifyStatus.Failed, attempts, last.Code);
            }

            var delay = last.RetryAfter ?? Backoff.Delay(attempts, settings.RetryBaseDelay, TimeSpan.FromSeconds(10), Random.Shared.NextDouble());
            if (attempts >= settings.MaxAttempts || time.GetUtcNow() + delay >= deadline)
            {
                break;
            }

            LogRetrying(logger, watchEvent.EventId, name, attempts, last.Code, delay);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }

        return new NotifyResult(NotifyStatus.Failed, attempts, last?.Code ?? "no attempt in time");
    }

    /// <summary>
    /// Takes a send of the channel from its rate limit, waiting at most <paramref name="maxWait"/> (measured on
    /// <see cref="TimeProvider"/>, like the rest of the deadline); false when no send came free in time.
    /// </summary>
    private async Task<bool> WaitForRateLimitAsync(string eventId, string name, ChannelType type, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (maxWait <= TimeSpan.Zero)
        {
            return false;
        }

        // The deadline's timer is only armed when the send has to queue.
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var pending = limiter.AcquireAsync(name, type, linked.Token);
        if (!pending.IsCompleted)
        {
            deadline.CancelAfter(maxWait);
            LogRateLimited(logger, eventId, name, maxWait);
        }

        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = LogEvents.NotificationDelivered, Level = LogLevel.Information, Message = "Notification {EventId} to channel {Channel} ({Type}): {Status} after {Attempts} attempt(s), {Code}")]
    private static partial void LogDelivered(ILogger logger, string eventId, string channel, ChannelType type, NotifyStatus status, int attempts, string code);

    [LoggerMessage(EventId = LogEvents.NotificationRetrying, Level = LogLevel.Information, Message = "Notification {EventId} to channel {Channel}: attempt {Attempt} answered {Code}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string eventId, string channel, int attempt, string code, TimeSpan delay);

    [LoggerMessage(EventId = LogEvents.NotificationRateLimited, Level = LogLevel.Information, Message = "Notification {EventId} to channel {Channel} waits for the channel's rate limit, at most {MaxWait}")]
    private static partial void LogRateLimited(ILogger logger, string eventId, string channel, TimeSpan maxWait);

    [LoggerMessage(EventId = LogEvents.NotificationDuplicate, Level = LogLevel.Information, Message = "Notification {EventId} to channel {Channel} was already delivered or is being delivered by this process ({Status}); not posting again")]
    private static partial void LogDuplicate(ILogger logger, string eventId, string channel, NotifyStatus status);

    [LoggerMessage(EventId = LogEvents.NotificationUnknownChannel, Level = LogLevel.Warning, Message = "Notification {EventId}: channel {Channel} is not configured")]
    private static partial void LogUnknownChannel(ILogger logger, string eventId, string channel);
}
