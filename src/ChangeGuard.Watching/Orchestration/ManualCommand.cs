namespace ChangeGuard.Watching.Orchestration;

/// <summary>A person's instruction to a running watch: abort now, promote the waiting batch now, or stop watching.</summary>
public sealed record ManualCommand(string? Reason, string? RequestedBy);

/// <summary>The external event names a watch listens for.</summary>
public static class WatchEvents
{
    /// <summary>Abort the change order now.</summary>
    public const string AbortNow = "AbortNow";

    /// <summary>Confirm the batch a manual release waits for now, without waiting for its bake; the watch goes on.</summary>
    public const string PromoteNow = "PromoteNow";

    /// <summary>Stop watching and leave the change order alone.</summary>
    public const string StopWatching = "StopWatching";
}
