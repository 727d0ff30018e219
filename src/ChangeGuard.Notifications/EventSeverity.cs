using ChangeGuard.Domain.Assessment;

namespace ChangeGuard.Notifications;

/// <summary>
/// Which event a watch's ending is and how urgent each event is. Stopped, unwatchable and "ended on its own" are warnings: the
/// order is no longer guarded, or failed without ChangeGuard; only a success is plain information.
/// </summary>
public static class EventSeverity
{
    /// <summary>The event a watch's outcome raises.</summary>
    public static WatchEventType ForOutcome(WatchOutcome outcome) => outcome switch
    {
        WatchOutcome.Aborted => WatchEventType.Aborted,
        WatchOutcome.AbortFailed => WatchEventType.AbortFailed,
        WatchOutcome.DryRunWouldAbort => WatchEventType.DryRunWouldAbort,
        _ => WatchEventType.Ended,
    };

    /// <summary>The severity of an event; for <see cref="WatchEventType.Ended"/> it depends on the outcome.</summary>
    public static NotificationSeverity Of(WatchEventType type, WatchOutcome? outcome = null) => type switch
    {
        WatchEventType.Aborted or WatchEventType.AbortFailed or WatchEventType.GuardAborted => NotificationSeverity.Error,
        WatchEventType.BreachCounted or WatchEventType.DryRunWouldAbort => NotificationSeverity.Warning,
        WatchEventType.Ended when outcome is not WatchOutcome.Succeeded => NotificationSeverity.Warning,
        _ => NotificationSeverity.Info,
    };
}
