namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// What a watch did, as a closed set: the assessor's answer to a poll (the first four, and Promote) and the steps of acting on it.
/// Hosts switch on this, never on the text beside it.
/// </summary>
public enum WatchAction
{
    /// <summary>Keep watching (a breach or read error may be being counted).</summary>
    Continue,

    /// <summary>Abort the change order (in a dry run: report that it would).</summary>
    Abort,

    /// <summary>The order ended on its own; the watch ends and leaves it alone.</summary>
    Finish,

    /// <summary>Stop watching and leave the order alone: asked to, too many read errors, or SAE refuses to let it be watched.</summary>
    Stop,

    /// <summary>An abort attempt did not take effect yet; it is tried again after a backoff.</summary>
    AbortRetry,

    /// <summary>SAE accepted the abort.</summary>
    AbortAccepted,

    /// <summary>The abort took effect although its answer did not say so (the order reads terminated).</summary>
    AbortApplied,

    /// <summary>The abort could not be made.</summary>
    AbortFailed,

    /// <summary>A notification could not be delivered.</summary>
    NotifyFailed,

    /// <summary>Confirm the next batch of a manual release: the finished one baked healthy (in a dry run: report that it would).</summary>
    Promote,

    /// <summary>SAE accepted the confirm: the next batch starts.</summary>
    PromoteConfirmed,

    /// <summary>The batch no longer waited when the confirm came: someone else confirmed it, or the order moved on.</summary>
    PromoteSkipped,

    /// <summary>The confirm could not be made: tried again on a later poll, or left for a person when SAE refused it.</summary>
    PromoteFailed,
}
