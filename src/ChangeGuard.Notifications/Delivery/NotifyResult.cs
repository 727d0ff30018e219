namespace ChangeGuard.Notifications.Delivery;

/// <summary>How a delivery ended.</summary>
public enum NotifyStatus
{
    /// <summary>The receiver took the message.</summary>
    Sent,

    /// <summary>This process had already delivered the event to the channel (a redelivered activity): nothing was posted.</summary>
    AlreadySent,

    /// <summary>Refused, or still failing when the attempts or the time ran out.</summary>
    Failed,
}

/// <summary>A delivery's result as data, so a failing channel is recorded in the timeline and never fails the watch.</summary>
/// <param name="Status">Sent, already sent, or failed.</param>
/// <param name="Attempts">POSTs made.</param>
/// <param name="Code">The last answer, such as <c>http 200</c>, <c>http 500</c>, <c>dingtalk errcode 310000</c>, <c>unknown channel</c>.</param>
public sealed record NotifyResult(NotifyStatus Status, int Attempts, string Code);
