namespace ChangeGuard.Watching.Guard;

/// <summary>What one sweep of the rollback guard found and did.</summary>
public sealed record GuardReport
{
    /// <summary>When the sweep started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Apps swept.</summary>
    public int AppsScanned { get; init; }

    /// <summary>Running change orders found.</summary>
    public int RunningOrders { get; init; }

    /// <summary>Running orders already watched and left to their watch.</summary>
    public IReadOnlyList<string> AlreadyWatched { get; init; } = [];

    /// <summary>Orders nobody watched, now watched with the default policy.</summary>
    public IReadOnlyList<string> Adopted { get; init; } = [];

    /// <summary>Orders whose watch ended with a failed abort (or failed itself), aborted again.</summary>
    public IReadOnlyList<string> AbortRetried { get; init; } = [];

    /// <summary>Orders that ran past the hard maximum, aborted.</summary>
    public IReadOnlyList<string> AbortedOverMaximum { get; init; } = [];

    /// <summary>What could not be done, one line each.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>One line for logs.</summary>
    public override string ToString() =>
        $"{AppsScanned} apps, {RunningOrders} running orders: {Adopted.Count} adopted, {AbortRetried.Count} abort retried, " +
        $"{AbortedOverMaximum.Count} aborted over maximum, {AlreadyWatched.Count} already watched, {Errors.Count} errors";
}
