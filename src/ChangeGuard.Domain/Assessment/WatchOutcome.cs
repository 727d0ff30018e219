namespace ChangeGuard.Domain.Assessment;

/// <summary>How a watch ended.</summary>
public enum WatchOutcome
{
    /// <summary>The change order succeeded; nothing was aborted.</summary>
    Succeeded,

    /// <summary>ChangeGuard aborted the change order.</summary>
    Aborted,

    /// <summary>The order ended on its own (failed, or terminated by someone else) before ChangeGuard acted.</summary>
    AlreadyEnded,

    /// <summary>Someone stopped the watch, or it stopped after too many read errors; the order was left alone.</summary>
    Stopped,

    /// <summary>ChangeGuard tried to abort and could not.</summary>
    AbortFailed,

    /// <summary>Dry run: the order would have been aborted.</summary>
    DryRunWouldAbort,

    /// <summary>
    /// A source refused for good to be read (the order does not exist or belongs to another app, no permission to
    /// read, an invalid parameter): the watch ended at once and left the order alone, since aborting on a typo would
    /// roll back a healthy rollout.
    /// </summary>
    Unwatchable,
}
