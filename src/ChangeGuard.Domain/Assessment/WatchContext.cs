using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Assessment;

/// <summary>What stays the same for a watch's whole life: the order it guards, its policy and when it started.</summary>
public sealed record WatchContext(WatchTarget Target, WatchPolicy Policy, DateTimeOffset StartedAt)
{
    /// <summary>When the watch's timeout aborts the order.</summary>
    public DateTimeOffset Deadline => StartedAt + Policy.Timeout;
}
