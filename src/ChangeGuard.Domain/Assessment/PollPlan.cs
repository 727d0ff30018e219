using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// What the assessor says before a poll: read (at normal or elevated priority), or abort because the watch's
/// timeout has passed. An elevated poll is one where a breach is likely: a breach or error is being counted, there
/// was no data, or a batch has just started.
/// </summary>
public sealed record PollPlan(bool TimedOut, bool Elevated, string Reason, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Read at normal or elevated priority.</summary>
    public static PollPlan Read(bool elevated) => new(false, elevated, string.Empty, []);
}
