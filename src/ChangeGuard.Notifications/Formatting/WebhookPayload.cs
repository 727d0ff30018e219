namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// The generic webhook's body, in the envelope Standard Webhooks recommends: the event type, when it happened, and
/// the event itself under <c>data</c>.
/// </summary>
/// <param name="Type">The event type, such as <c>aborted</c>.</param>
/// <param name="Timestamp">When the event happened.</param>
/// <param name="Data">The event.</param>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, WatchEvent Data);
