using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Assessment;

/// <summary>SAE's instance signal: error classes, the order's owner, the instance rules and their counters.</summary>
public static partial class Assessor
{
    private static SaeStage JudgeSae(WatchContext watch, WatchState state, SaeMeasurement sae, DateTimeOffset now)
    {
        var policy = watch.Policy;
        var target = watch.Target;
        if (sae.Snapshot is not { } snapshot)
        {
            var error = sae.Error ?? MeasurementError.Transient("SAE could not be read");
            var evidence = new Evidence("saeRead", error.Message, "readable", []);
            var verdict = new Verdict(VerdictKind.ReadFailed, error.Message, false, [evidence]);
            return error.Class == ErrorClass.Permanent
                ? Unwatchable(state, verdict, $"SAE refuses to let change order {target.ChangeOrderId} be read ({error.Message})")
                : CountError(state, verdict, policy);
        }

        if (snapshot.Order.AppId is { Length: > 0 } owner && !string.Equals(owner, target.AppId, StringComparison.OrdinalIgnoreCase))
        {
            var evidence = new Evidence("appId", owner, target.AppId, []);
            var verdict = new Verdict(VerdictKind.ReadFailed, $"change order {target.ChangeOrderId} belongs to app {owner}, not {target.AppId}", false, [evidence]);
            return Unwatchable(state, verdict, verdict.Reason);
        }

        var order = snapshot.Order;
        var next = state with
        {
            Baseline = state.Baseline.Observe(snapshot.Instances, watch.StartedAt),
            AppName = order.AppName ?? state.AppName,
            BatchStarted = state.BatchStarted || order.AnyBatchStarted,
            BatchStartedAt = order.CurrentBatchStartedAt ?? state.BatchStartedAt,
            Order = order,
            PollsSinceOrderRead = snapshot.OrderRead ? 0 : state.PollsSinceOrderRead + 1,
            CountsAtOrderRead = snapshot.OrderRead ? (snapshot.InstancesRead ? snapshot.Counts : null) : state.CountsAtOrderRead,
        };
        return Count(next, InstanceRules.Judge(snapshot, policy, next.Baseline), policy);
    }

    private static SaeStage Unwatchable(WatchState state, Verdict verdict, string why) =>
        new(state, verdict, new WatchStep(WatchAction.Stop, $"{why}; the change order was left alone", verdict.Evidence, WatchOutcome.Unwatchable), "stop watching (permanent error)");

    private static SaeStage CountError(WatchState state, Verdict verdict, WatchPolicy policy)
    {
        var next = state with { ConsecutiveErrors = state.ConsecutiveErrors + 1 };
        if (next.ConsecutiveErrors < policy.ConsecutiveErrorLimit)
        {
            return new SaeStage(next, verdict, WatchStep.Continue, $"read error {next.ConsecutiveErrors} of {policy.ConsecutiveErrorLimit}");
        }

        var reason = $"SAE could not be read {next.ConsecutiveErrors} times in a row ({verdict.Reason})";
        return policy.OnErrorLimit == OnErrorLimit.Abort
            ? new SaeStage(next, verdict, new WatchStep(WatchAction.Abort, reason, verdict.Evidence), "abort")
            : new SaeStage(next, verdict, new WatchStep(WatchAction.Stop, reason + "; stopped watching", verdict.Evidence, WatchOutcome.Stopped), "stop watching");
    }

    private static SaeStage Count(WatchState state, Verdict verdict, WatchPolicy policy)
    {
        switch (verdict.Kind)
        {
            case VerdictKind.ReadFailed:
                return CountError(state, verdict, policy);

            case VerdictKind.Breach:
                var next = state with { ConsecutiveErrors = 0, ConsecutiveBreaches = state.ConsecutiveBreaches + 1 };
                if (verdict.Critical || next.ConsecutiveBreaches >= policy.FailureLimit)
                {
                    return new SaeStage(next, verdict, new WatchStep(WatchAction.Abort, verdict.Reason, verdict.Evidence),
                        verdict.Critical ? "abort (critical)" : $"abort (breach {next.ConsecutiveBreaches} of {policy.FailureLimit})");
                }

                return new SaeStage(next, verdict, WatchStep.Continue, $"breach {next.ConsecutiveBreaches} of {policy.FailureLimit}");

            case VerdictKind.NoData:
                return new SaeStage(state with { ConsecutiveErrors = 0 }, verdict, WatchStep.Continue, "no data: keep watching");

            case VerdictKind.Succeeded:
                return new SaeStage(state, verdict, new WatchStep(WatchAction.Finish, verdict.Reason, [], WatchOutcome.Succeeded, ChangeOrderStatus.Succeeded), "finish");

            case VerdictKind.EndedOtherwise:
                return new SaeStage(state, verdict, new WatchStep(WatchAction.Finish, verdict.Reason, [], WatchOutcome.AlreadyEnded), "finish");

            default:
                return new SaeStage(state with { ConsecutiveErrors = 0, ConsecutiveBreaches = 0 }, verdict, WatchStep.Continue, "continue");
        }
    }

    /// <summary>What SAE's answer alone says about a poll.</summary>
    private sealed record SaeStage(WatchState State, Verdict Verdict, WatchStep Step, string ActionText);
}
