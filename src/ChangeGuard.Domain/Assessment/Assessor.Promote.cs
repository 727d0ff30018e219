using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// The promotion gate: a manual release that waits to start its next batch (status 8) is confirmed once the finished
/// batch has stayed healthy for the policy's bake time and polls, every required signal passing. Any poll that is not
/// healthy restarts the bake; a breach is still counted, and aborts, as on any other poll.
/// </summary>
public static partial class Assessor
{
    /// <summary>
    /// The gate on a poll whose other rules said continue: the state with the bake moved on, the Promote step when the
    /// bake is done, and the words for the timeline.
    /// </summary>
    private static PromoteGate Gate(WatchPolicy policy, WatchState state, SaeMeasurement sae, Verdict instances, IReadOnlyList<SignalVerdict>? signals, DateTimeOffset now)
    {
        var promote = policy.Promote;
        if (!promote.Enabled || state.Order is not { Status: ChangeOrderStatus.WaitingForBatchConfirmation, CurrentPipelineId: { } pipeline } order)
        {
            return new PromoteGate(state with { Bake = null }, null, null);
        }

        var batch = order.CurrentBatch;
        var count = order.BatchCount;
        if (state.Promotions.LastOrDefault(p => p.PipelineId == pipeline) is { } done)
        {
            return new PromoteGate(state with { Bake = null }, null, done.Result == PromotionResult.Refused
                ? $"batch {batch} of {count} is left for a person (SAE refused the confirm)"
                : $"batch {batch} of {count} was promoted ({Name(done.Result)})");
        }

        if (!promote.Allows(batch, count))
        {
            return new PromoteGate(state with { Bake = null }, null, $"batch {batch} of {count} is left for a person (promote.lastBatch {promote.LastBatch})");
        }

        if (Unhealthy(policy, sae, instances, signals) is { } why)
        {
            return new PromoteGate(state with { Bake = null }, null, $"bake of batch {batch - 1} restarts: {why}");
        }

        var bake = state.Bake is { } baking && baking.PipelineId == pipeline
            ? baking with { HealthyPolls = baking.HealthyPolls + 1 }
            : new BatchBake(pipeline, batch, now, 1);
        var healthyFor = now - bake.HealthySince;
        var progress = bake.HealthyPolls < promote.MinHealthyPolls
            ? $"healthy {DurationFormat.Rounded(healthyFor)} of {DurationFormat.Format(promote.BakeTime)}, {bake.HealthyPolls} of {promote.MinHealthyPolls} poll(s)"
            : $"healthy {DurationFormat.Rounded(healthyFor)} of {DurationFormat.Format(promote.BakeTime)} over {bake.HealthyPolls} poll(s)";
        if (healthyFor < promote.BakeTime || bake.HealthyPolls < promote.MinHealthyPolls)
        {
            return new PromoteGate(state with { Bake = bake }, null, $"baking batch {batch - 1}: {progress}");
        }

        var evidence = new Evidence("bake", $"healthy for {DurationFormat.Rounded(healthyFor)} over {bake.HealthyPolls} poll(s)",
            $"at least {DurationFormat.Format(promote.BakeTime)} and {promote.MinHealthyPolls} poll(s)", []);
        var step = new WatchStep(WatchAction.Promote,
            $"batch {batch - 1} of {count} stayed healthy for {DurationFormat.Rounded(healthyFor)} ({bake.HealthyPolls} polls); confirming batch {batch}",
            [evidence], Promotion: new BatchPromotion(pipeline, batch, count));
        return new PromoteGate(state with { Bake = bake }, step,
            policy.DryRun ? $"would promote batch {batch} of {count} (dry run)" : $"promote batch {batch} of {count}");
    }

    /// <summary>
    /// The batch a person's promotion confirms, from the order as last read: the one it waits for, or, while a batch
    /// of a manual release runs, the next one (named by number: the confirm reads the order first). Null when the order
    /// is not known to be a manual release that has a batch to start.
    /// </summary>
    public static BatchPromotion? ManualPromotion(WatchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Order switch
        {
            { Status: ChangeOrderStatus.WaitingForBatchConfirmation, CurrentPipelineId: { } pipeline } order => new BatchPromotion(pipeline, order.CurrentBatch, order.BatchCount),
            { ManualBatches: true } order when !order.Status.IsTerminal() && order.CurrentBatch < order.BatchCount => new BatchPromotion(string.Empty, order.CurrentBatch + 1, order.BatchCount),
            _ => null,
        };
    }

    /// <summary>Why a poll does not count toward the bake, or null when it does.</summary>
    private static string? Unhealthy(WatchPolicy policy, SaeMeasurement sae, Verdict instances, IReadOnlyList<SignalVerdict>? signals)
    {
        if (instances.Kind != VerdictKind.WaitingForHuman)
        {
            return instances.Reason;
        }

        if (sae.Snapshot is not { InstancesRead: true })
        {
            return "the instances were not read";
        }

        if (policy.Signals.Count == 0)
        {
            return null;
        }

        if (signals is null)
        {
            return policy.Promote.RequireSignalData ? "the signals were not read" : null;
        }

        return SignalsUnhealthy(policy.Promote, signals);
    }

    /// <summary>Why these signal verdicts do not count toward a bake: a breach or error always, no data when data is required.</summary>
    private static string? SignalsUnhealthy(PromotePolicy promote, IReadOnlyList<SignalVerdict> signals) =>
        signals.FirstOrDefault(s => s.Outcome is SignalOutcome.Breach or SignalOutcome.Error
            || (s.Outcome == SignalOutcome.NoData && promote.RequireSignalData)) is { } failing
            ? $"signal {failing.Name} {Name(failing.Outcome)}: {failing.Detail}"
            : null;

    /// <summary>
    /// What one attempt to confirm a batch amounts to (null <paramref name="attempt"/>: a dry run, which calls nothing):
    /// the state with the timeline entry and, unless it is to be tried again, the promotion recorded.
    /// <paramref name="requestedBy"/> names a person's promotion (<c>manual promote by alice</c>) in the timeline.
    /// </summary>
    public static PromotionStep JudgePromotion(WatchState state, BatchPromotion target, PromotionAttempt? attempt, DateTimeOffset now, string? requestedBy = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(target);
        if (target.PipelineId.Length == 0 && attempt is { Answer: PromotionAnswer.Confirmed, WaitingPipelineId: { } confirmed })
        {
            // A person's promotion named the batch by number; SAE's id of the batch confirmed is known now.
            target = target with { PipelineId = confirmed };
        }

        var which = $"batch {target.Batch} of {target.BatchCount}";
        var (result, reason, action, actionText) = attempt switch
        {
            null => ((PromotionResult?)PromotionResult.WouldPromote, $"dry run: {which} would have been confirmed", WatchAction.Promote, "would promote (dry run)"),
            { Answer: PromotionAnswer.Confirmed } => (PromotionResult.Confirmed,
                $"confirmed {which} (pipeline {target.PipelineId}, request {attempt.RequestId ?? "unknown"})", WatchAction.PromoteConfirmed, $"promoted {which}"),
            { Answer: PromotionAnswer.NotWaiting, CurrentBatch: { } current } when current < target.Batch && attempt.OrderStatus is { } status && !status.IsTerminal() =>
                (null, $"{which} does not wait for a confirm yet (batch {current} runs)", WatchAction.PromoteSkipped, "not waiting yet"),
            { Answer: PromotionAnswer.NotWaiting } => (PromotionResult.AlreadyConfirmed,
                $"{which} no longer waited for confirmation ({OrderAsRead(attempt)}): it was confirmed elsewhere, or the order moved on", WatchAction.PromoteSkipped, "not confirmed twice"),
            { Answer: PromotionAnswer.Refused } => (PromotionResult.Refused,
                $"SAE refused to confirm {which}: {attempt.Failure}", WatchAction.PromoteFailed, "left for a person"),
            _ => (null, $"confirming {which} answered {attempt.Failure?.ToString() ?? "nothing"}", WatchAction.PromoteFailed, "try again next poll"),
        };
        if (requestedBy is not null)
        {
            reason = $"{requestedBy}: {reason}";
            actionText = result is null && action == WatchAction.PromoteFailed ? "not confirmed (ask again)" : actionText;
        }

        var next = state with { SaeCalls = state.SaeCalls + (attempt?.SaeCalls ?? 0) };
        next = next.Record(new Decision(now, next.Polls, VerdictKind.WaitingForHuman, reason, action, actionText));
        if (result is { } ended)
        {
            next = next with
            {
                Promotions = [.. next.Promotions.Append(new Promotion(target.Batch, target.BatchCount, target.PipelineId, now, ended)).TakeLast(WatchState.DecisionsKept)],
                Bake = null,
            };
        }

        return new PromotionStep(next, result, reason);
    }

    private static string OrderAsRead(PromotionAttempt attempt) => attempt.OrderStatus switch
    {
        null => "the order could not be read",
        ChangeOrderStatus.WaitingForBatchConfirmation => $"the order waits for pipeline {attempt.WaitingPipelineId}",
        { } status => $"the order reads status {(int)status}",
    };

    private static string Name(PromotionResult result) => result switch
    {
        PromotionResult.Confirmed => "confirmed",
        PromotionResult.AlreadyConfirmed => "already confirmed",
        PromotionResult.WouldPromote => "dry run",
        _ => "refused",
    };

    private static string Name(SignalOutcome outcome) => outcome switch
    {
        SignalOutcome.Breach => "breach",
        SignalOutcome.Error => "error",
        SignalOutcome.NoData => "no data",
        _ => "ok",
    };

    /// <summary>What the gate says about one poll.</summary>
    private sealed record PromoteGate(WatchState State, WatchStep? Step, string? ActionText);
}
