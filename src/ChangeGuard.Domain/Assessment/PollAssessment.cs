using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Assessment;

/// <summary>The assessor's answer to one poll: the new state, the timeline entry, the step, the verdicts and when to poll next.</summary>
/// <param name="State">The watch's state after the poll, with <paramref name="Decision"/> recorded.</param>
/// <param name="Decision">The poll's entry in the timeline.</param>
/// <param name="Step">What to do now.</param>
/// <param name="Instances">The verdict on SAE's instance signal.</param>
/// <param name="Signals">The verdict on each signal that was measured, in the policy's order.</param>
/// <param name="NextPollAt">For Continue: when the next poll is due (never after the watch's deadline).</param>
public sealed record PollAssessment(
    WatchState State,
    Decision Decision,
    WatchStep Step,
    Verdict Instances,
    IReadOnlyList<SignalVerdict> Signals,
    DateTimeOffset? NextPollAt)
{
    /// <summary>Evidence of the breaches this poll counted without aborting, for the "breach counted" notification.</summary>
    public IReadOnlyList<Evidence> CountedBreaches =>
        Step.Action != WatchAction.Continue ? [] :
        [.. Instances.Kind == VerdictKind.Breach ? Instances.Evidence : [], .. Signals.Where(s => s.Outcome == SignalOutcome.Breach && s.Evidence is not null).Select(s => s.Evidence!)];
}
