namespace ChangeGuard.Notifications;

/// <summary>
/// The moments ChangeGuard tells people about. A closed set, so channels subscribe by name
/// (<c>ChangeGuard:Notifications:Channels:{name}:Events</c>) and receivers can switch on it.
/// </summary>
public enum WatchEventType
{
    /// <summary>A watch started (opt-in).</summary>
    WatchStarted,

    /// <summary>A breach was counted toward <c>failureLimit</c> without aborting yet (opt-in).</summary>
    BreachCounted,

    /// <summary>ChangeGuard aborted the change order.</summary>
    Aborted,

    /// <summary>ChangeGuard tried to abort and could not.</summary>
    AbortFailed,

    /// <summary>Dry run: the order would have been aborted.</summary>
    DryRunWouldAbort,

    /// <summary>The watch ended without an abort: the order succeeded or ended on its own, or the watch was stopped.</summary>
    Ended,

    /// <summary>The rollback guard started watching a running order nobody watched.</summary>
    GuardAdopted,

    /// <summary>The rollback guard is aborting an order: past the hard maximum, or retrying a failed abort.</summary>
    GuardAborted,

    /// <summary>ChangeGuard confirmed the next batch of a manual release after the finished one baked healthy.</summary>
    BatchPromoted,

    /// <summary>Dry run: the next batch of a manual release would have been confirmed.</summary>
    DryRunWouldPromote,
}
