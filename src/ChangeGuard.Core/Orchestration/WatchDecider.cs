using ChangeGuard.Core.Health;
using ChangeGuard.Core.Policy;
using ChangeGuard.Core.Signals;

namespace ChangeGuard.Core.Orchestration;

/// <summary>
/// Turns one poll's verdict into the watch's next step and new counters. Pure, so the orchestrator only
/// sequences I/O and every branch is a plain unit test: breaches count toward <c>failureLimit</c> (critical ones
/// abort at once), read errors count toward <c>consecutiveErrorLimit</c> and never as breaches, no data neither
/// passes nor fails.
/// </summary>
public static class WatchDecider
{
    /// <summary>The state after a poll and what to do next.</summary>
    public static (WatchState State, NextStep Step) Apply(WatchState state, Verdict verdict, WatchPolicy policy, DateTimeOffset now) =>
        Apply(state, verdict, [], policy, now);

    /// <summary>
    /// The state after a poll that also read the policy's signals, and what to do next. The instance signal decides
    /// first (an ending or an abort needs no signals); then each signal counts with its own limits. The poll's
    /// verdict in the timeline is the worst of them: a breach, then a read error, then no data.
    /// </summary>
    public static (WatchState State, NextStep Step) Apply(WatchState state, Verdict verdict, IReadOnlyList<SignalReading> signals, WatchPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(policy);
        var (next, step, action) = ApplyInstanceVerdict(state with { Polls = state.Polls + 1, LastVerdict = verdict.Kind, LastHealth = verdict.Reason }, verdict, policy);
        var kind = verdict.Kind;
        var reason = verdict.Reason;
        if (step.Kind == NextStepKind.Continue && signals.Count > 0)
        {
            var judged = SignalDecider.Apply(next.Signals, signals, policy);
            next = next with { Signals = judged.Counts };
            step = judged.Step ?? step;
            kind = Worst(kind, judged.Worst);
            reason = $"{reason}; {judged.Summary}";
            action = judged.Actions.Count == 0 ? action : action == "continue" ? string.Join("; ", judged.Actions) : $"{action}; {string.Join("; ", judged.Actions)}";
            next = next with { LastVerdict = kind, LastHealth = reason };
        }

        return (next.Record(new Decision(now, next.Polls, kind, reason, action)), step);
    }

    private static VerdictKind Worst(VerdictKind instances, VerdictKind? signals) => signals switch
    {
        VerdictKind.Breach => VerdictKind.Breach,
        VerdictKind.ReadFailed when instances != VerdictKind.Breach => VerdictKind.ReadFailed,
        VerdictKind.NoData when instances is VerdictKind.Healthy => VerdictKind.NoData,
        _ => instances,
    };

    private static (WatchState Next, NextStep Step, string Action) ApplyInstanceVerdict(WatchState next, Verdict verdict, WatchPolicy policy)
    {
        var state = next;
        NextStep step;
        string action;

        switch (verdict.Kind)
        {
            case VerdictKind.ReadFailed:
                next = next with { ConsecutiveErrors = state.ConsecutiveErrors + 1 };
                if (next.ConsecutiveErrors >= policy.ConsecutiveErrorLimit)
                {
                    var reason = $"SAE could not be read {next.ConsecutiveErrors} times in a row ({verdict.Reason})";
                    step = policy.OnErrorLimit == OnErrorLimit.Abort
                        ? new NextStep(NextStepKind.Abort, reason, verdict.Evidence)
                        : new NextStep(NextStepKind.Finish, reason + "; stopped watching", verdict.Evidence, WatchOutcome.Stopped);
                    action = policy.OnErrorLimit == OnErrorLimit.Abort ? "abort" : "stop watching";
                }
                else
                {
                    step = NextStep.Continue;
                    action = $"read error {next.ConsecutiveErrors} of {policy.ConsecutiveErrorLimit}";
                }

                break;

            case VerdictKind.Breach:
                next = next with { ConsecutiveErrors = 0, ConsecutiveBreaches = state.ConsecutiveBreaches + 1 };
                if (verdict.Critical || next.ConsecutiveBreaches >= policy.FailureLimit)
                {
                    step = new NextStep(NextStepKind.Abort, verdict.Reason, verdict.Evidence);
                    action = verdict.Critical ? "abort (critical)" : $"abort (breach {next.ConsecutiveBreaches} of {policy.FailureLimit})";
                }
                else
                {
                    step = NextStep.Continue;
                    action = $"breach {next.ConsecutiveBreaches} of {policy.FailureLimit}";
                }

                break;

            case VerdictKind.NoData:
                next = next with { ConsecutiveErrors = 0 };
                step = NextStep.Continue;
                action = "no data: keep watching";
                break;

            case VerdictKind.Succeeded:
                step = new NextStep(NextStepKind.Finish, verdict.Reason, [], WatchOutcome.Succeeded, Sae.Models.ChangeOrders.ChangeOrderStatus.Succeeded);
                action = "finish";
                break;

            case VerdictKind.EndedOtherwise:
                step = new NextStep(NextStepKind.Finish, verdict.Reason, [], WatchOutcome.AlreadyEnded);
                action = "finish";
                break;

            default:
                next = next with { ConsecutiveErrors = 0, ConsecutiveBreaches = 0 };
                step = NextStep.Continue;
                action = "continue";
                break;
        }

        return (next, step, action);
    }
}
