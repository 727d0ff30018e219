using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// What the assessor says before a poll: read (at normal or elevated priority), or abort because the watch's
/// timeout has passed. An elevated poll is one where a breach is likely: a breach or error is being counted, there
/// was no data, or a batch has just started. <see cref="ReadOrder"/> asks for the change order itself; otherwise a poll
/// whose order is known and running a batch reads the instances alone, and the order only if their shape changed.
/// <see cref="OrderEveryPoll"/> says the order is read on every poll for a while (a promoting watch's manual batch
/// runs), so the call budget plans two calls a poll.
/// </summary>
public sealed record PollPlan(bool TimedOut, bool Elevated, string Reason, IReadOnlyList<Evidence> Evidence, bool ReadOrder = true, bool OrderEveryPoll = false)
{
    /// <summary>Read at normal or elevated priority, the order too when <paramref name="readOrder"/>.</summary>
    public static PollPlan Read(bool elevated, bool readOrder = true, bool orderEveryPoll = false) =>
        new(false, elevated, string.Empty, [], readOrder, orderEveryPoll);
}
