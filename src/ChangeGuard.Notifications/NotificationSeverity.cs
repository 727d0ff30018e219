namespace ChangeGuard.Notifications;

/// <summary>How urgent an event is, as Flagger's alerts grade them; channels may drop events below a minimum.</summary>
public enum NotificationSeverity
{
    /// <summary>For the record: a watch started or a change succeeded.</summary>
    Info,

    /// <summary>Worth a look: a breach counted, a dry run that would abort, an order that ended on its own.</summary>
    Warning,

    /// <summary>ChangeGuard acted, or failed to: an abort, a failed abort.</summary>
    Error,
}
