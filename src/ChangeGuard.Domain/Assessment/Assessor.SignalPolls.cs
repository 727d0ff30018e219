using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// Signal polls: when the SAE call budget stretches a watch's SAE polls beyond the policy's interval, the policy's
/// signals (Prometheus, probes), which cost no SAE call, are still read at the policy's interval in between, so a
/// breach they see is counted, and aborts, as fast as with one watch.
/// </summary>
public static partial class Assessor
{
    /// <summary>
    /// When the next signal poll is due before the SAE poll at <paramref name="nextSaePoll"/>: the policy's interval
    /// after now, when the policy has signals, a batch has started (signals before it measure the old version) and
    /// that comes before the SAE poll; else null.
    /// </summary>
    public static DateTimeOffset? NextSignalPoll(WatchContext watch, WatchState state, DateTimeOffset nextSaePoll, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(state);
        var due = now + watch.Policy.PollInterval;
        return watch.Policy.Signals.Count > 0 && state.BatchStarted && due < nextSaePoll && due < watch.Deadline ? due : null;
    }

    /// <summary>
    /// The decision on a poll of the signals alone: counted like a full poll's signals (a breach at its limit aborts),
    /// while SAE's instance signal keeps its counters and its last verdict until the next SAE poll.
    /// </summary>
    public static PollAssessment AssessSignals(WatchContext watch, WatchState state, IReadOnlyList<SignalMeasurement> measured, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(measured);
        var policy = watch.Policy;
        var judged = JudgeSignals(policy, state.Signals, measured);
        var step = judged.Step ?? WatchStep.Continue;
        var kind = Worst(VerdictKind.Healthy, judged.Worst);
        var reason = $"signals only (SAE is read at the call budget's pace): {judged.Summary}";
        var actionText = judged.Actions.Count == 0 ? "continue" : string.Join("; ", judged.Actions);
        var next = state with { Polls = state.Polls + 1, Signals = judged.Counts, LastVerdict = kind, LastHealth = reason };
        if (next.Bake is not null && SignalsUnhealthy(policy.Promote, judged.Verdicts) is { } why)
        {
            // A signal that fails between SAE polls restarts a bake as it would on a full poll.
            next = next with { Bake = null };
            actionText = $"{actionText}; bake restarts: {why}";
        }

        var decision = new Decision(now, next.Polls, kind, reason, step.Action, actionText);
        var instances = new Verdict(VerdictKind.Healthy, "SAE was not read this poll", false, []);
        next = next.Record(decision).Record(Sample(policy, next, null, judged.Verdicts, now));
        return new PollAssessment(next, decision, step, instances, judged.Verdicts, null);
    }
}
