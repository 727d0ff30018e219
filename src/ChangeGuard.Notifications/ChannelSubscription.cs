namespace ChangeGuard.Notifications;

/// <summary>
/// A channel a watch notifies and what it wants, resolved from configuration when the watch starts and carried in
/// the orchestration input, so the orchestration decides deterministically without reading configuration. Names only:
/// the channel's URL and secret stay in configuration.
/// </summary>
/// <param name="Channel">The channel's configured name.</param>
/// <param name="Events">The event types the channel receives.</param>
/// <param name="MinSeverity">Events below this severity are not sent.</param>
public sealed record ChannelSubscription(string Channel, IReadOnlyList<WatchEventType> Events, NotificationSeverity MinSeverity = NotificationSeverity.Info)
{
    /// <summary>True when the channel wants an event of this type and severity.</summary>
    public bool Wants(WatchEventType type, NotificationSeverity severity) => severity >= MinSeverity && Events.Contains(type);
}
