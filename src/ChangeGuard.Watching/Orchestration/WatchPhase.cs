namespace ChangeGuard.Watching.Orchestration;

/// <summary>Where a watch is in its life, as shown in its status.</summary>
public enum WatchPhase
{
    /// <summary>Waiting out the initial delay.</summary>
    Starting,

    /// <summary>Polling.</summary>
    Watching,

    /// <summary>Calling AbortChangeOrder (with retries).</summary>
    Aborting,

    /// <summary>Waiting for an accepted abort to take effect.</summary>
    ConfirmingAbort,

    /// <summary>Done; see the outcome.</summary>
    Ended,
}
