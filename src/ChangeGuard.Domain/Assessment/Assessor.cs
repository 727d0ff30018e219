using System.Globalization;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// The one place a watch is judged. Readers only measure; the assessor takes the policy, the watch's state and a poll's
/// measurements and returns the decision: the verdict per signal, the action (continue, abort, finish or stop), and when
/// the next poll is due and at which priority it reads. Pure and deterministic, so the orchestration can call it
/// directly and every rule is a table test.
/// <list type="bullet">
/// <item>Breaches count toward <c>failureLimit</c>; critical ones (a failed batch, SubStatus 1, a crash loop) abort at once.</item>
/// <item>Transient read errors count toward <c>consecutiveErrorLimit</c> and never as breaches; at the limit <c>onErrorLimit</c> applies.</item>
/// <item>A permanent error (not found, no permission to read, an invalid parameter, the order belonging to another app)
/// ends the watch as <see cref="WatchOutcome.Unwatchable"/> and never aborts.</item>
/// <item>No data neither passes nor fails.</item>
/// <item>The poll's verdict is the worst of its signals: a breach, then a read error, then no data.</item>
/// <item>With promotion on, a manual release waiting to start its next batch is confirmed once the finished batch baked healthy.</item>
/// </list>
/// </summary>
public static partial class Assessor
{
    /// <summary>
    /// Before a poll: abort if the watch's timeout has passed, else read, elevated when a breach is likely. At the
    /// timeout, a watch whose last polls read the instances alone reads the order once more first: an order that ended
    /// meanwhile finishes the watch as it ended, instead of meeting an abort.
    /// </summary>
    public static PollPlan Plan(WatchContext watch, WatchState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(state);
        var policy = watch.Policy;
        if (now >= watch.Deadline && state.PollsSinceOrderRead > 0 && state.ConsecutiveErrors == 0)
        {
            return PollPlan.Read(elevated: true, readOrder: true);
        }

        if (now >= watch.Deadline)
        {
            var evidence = new Evidence("timeout", $"running for {DurationFormat.Rounded(now - watch.StartedAt)}", $"at most {DurationFormat.Format(policy.Timeout)}", []);
            return new PollPlan(true, false, $"timeout: the change order ran longer than {DurationFormat.Format(policy.Timeout)} since the watch started", [evidence]);
        }

        return PollPlan.Read(Elevated(policy, state, state.LastVerdict, now), OrderDue(policy, state), PromotingBatchRuns(policy, state));
    }

    /// <summary>
    /// A poll reads the change order itself at least every this many polls, even while the instances' shape stays the
    /// same: how an order that ends (or that SAE fails) without changing its instances is seen.
    /// </summary>
    public const int OrderReadEvery = 10;

    /// <summary>
    /// Whether the next poll must read the change order: none is known, the known one runs no batch (only the order
    /// can say when one starts), a breach or error is being counted (the poll that may abort reads everything), or
    /// <see cref="OrderReadEvery"/> polls have passed, or the promotion gate needs it (a batch of a manual release runs:
    /// only the order says when it ends and the bake begins; or the gate confirmed the batch the order last waited for).
    /// Otherwise the instances alone tell what a poll needs, and the reader reads the order too only if their shape changed.
    /// </summary>
    private static bool OrderDue(WatchPolicy policy, WatchState state) =>
        state.Order is not { NeedsInstances: true } || state.IsCounting() || state.PollsSinceOrderRead + 1 >= OrderReadEvery
        || PromotingBatchRuns(policy, state) || ActedOnWaitingBatch(state);

    /// <summary>A batch of a manual release runs under a promoting watch: only the order says when it ends and the bake begins.</summary>
    private static bool PromotingBatchRuns(WatchPolicy policy, WatchState state) =>
        policy.Promote.Enabled && state.Order is { ManualBatches: true, Status: not ChangeOrderStatus.WaitingForBatchConfirmation };

    /// <summary>The order as last read waits for a batch the gate has confirmed: it is out of date.</summary>
    private static bool ActedOnWaitingBatch(WatchState state) =>
        state.Order is { Status: ChangeOrderStatus.WaitingForBatchConfirmation, CurrentPipelineId: { } waiting }
        && state.Promotions.Any(p => p.PipelineId == waiting && p.Result is PromotionResult.Confirmed or PromotionResult.AlreadyConfirmed);

    /// <summary>
    /// Whether this poll reads the policy's signals, once SAE has been read: from the moment a batch has started (metrics
    /// before it are the old version's), also when SAE could not be read, and not when SAE's answer alone ends the watch
    /// or aborts it.
    /// </summary>
    public static bool SignalsDue(WatchContext watch, WatchState state, SaeMeasurement sae, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sae);
        if (watch.Policy.Signals.Count == 0)
        {
            return false;
        }

        var stage = JudgeSae(watch, Counted(state, sae), sae, now);
        return stage.State.BatchStarted && stage.Step.Action == WatchAction.Continue;
    }

    /// <summary>The decision on one poll.</summary>
    public static PollAssessment Assess(WatchContext watch, WatchState state, PollMeasurements measured, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(measured);
        var policy = watch.Policy;
        var stage = JudgeSae(watch, Counted(state, measured.Sae), measured.Sae, now);
        var next = stage.State;
        var step = stage.Step;
        var kind = stage.Verdict.Kind;
        var reason = stage.Verdict.Reason;
        var actionText = stage.ActionText;
        IReadOnlyList<SignalVerdict> verdicts = [];

        if (step.Action == WatchAction.Continue && measured.Signals is { } signals && policy.Signals.Count > 0)
        {
            var judged = JudgeSignals(policy, next.Signals, signals);
            verdicts = judged.Verdicts;
            next = next with { Signals = judged.Counts };
            step = judged.Step ?? step;
            kind = Worst(kind, judged.Worst);
            reason = $"{reason}; {judged.Summary}";
            actionText = judged.Actions.Count == 0 ? actionText
                : actionText == "continue" ? string.Join("; ", judged.Actions)
                : $"{actionText}; {string.Join("; ", judged.Actions)}";
        }

        if (step.Action == WatchAction.Continue)
        {
            var gate = Gate(policy, next, measured.Sae, stage.Verdict, measured.Signals is null ? null : verdicts, now);
            next = gate.State;
            step = gate.Step ?? step;
            actionText = gate.ActionText is not { } gateText ? actionText : actionText == "continue" ? gateText : $"{actionText}; {gateText}";
        }

        next = next with { LastVerdict = kind, LastHealth = reason };
        var decision = new Decision(now, next.Polls, kind, reason, step.Action, actionText);
        next = next.Record(decision).Record(Sample(policy, next, measured.Sae.Snapshot, verdicts, now));
        var nextPollAt = step.Action is WatchAction.Continue or WatchAction.Promote ? NextPollAt(watch, next, kind, measured.Sae.NextPollIn, now) : (DateTimeOffset?)null;
        return new PollAssessment(next, decision, step, stage.Verdict, verdicts, nextPollAt);
    }

    /// <summary>The values this poll judged, in <see cref="JudgedMeasure.For"/>'s order, for charts.</summary>
    private static PollSample Sample(WatchPolicy policy, WatchState state, HealthSnapshot? snapshot, IReadOnlyList<SignalVerdict> verdicts, DateTimeOffset now)
    {
        var (ratio, restarts) = snapshot is not null ? InstanceRules.Measure(snapshot, state.Baseline) : (null, null);
        var values = new double?[2 + policy.Signals.Count];
        values[0] = Compact(ratio);
        values[1] = restarts;
        for (var i = 0; i < policy.Signals.Count; i++)
        {
            values[2 + i] = Compact(verdicts.FirstOrDefault(v => v.Name == policy.Signals[i].Name)?.Value);
        }

        return new PollSample(now, state.Polls, values);
    }

    /// <summary>A value to four significant digits: enough for a chart, and short in the watch's status.</summary>
    private static double? Compact(double? value) =>
        value is { } v ? double.Parse(v.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// When the next poll is due: the policy's interval, or the call budget's longer advice for a watch in no risky
    /// phase (a watch counting a breach keeps its own interval whatever the plan said); never after the deadline.
    /// </summary>
    private static DateTimeOffset NextPollAt(WatchContext watch, WatchState state, VerdictKind verdict, TimeSpan? advised, DateTimeOffset now)
    {
        var policy = watch.Policy;
        var interval = !Elevated(policy, state, verdict, now) && advised is { } longer && longer > policy.PollInterval ? longer : policy.PollInterval;
        var next = now + interval;
        if (state.Bake is { } bake && bake.HealthySince + policy.Promote.BakeTime is var baked && baked > now && baked < next)
        {
            // A bake that ends before the next poll is judged when it ends, not an interval later.
            next = baked;
        }

        return next < watch.Deadline ? next : watch.Deadline;
    }

    /// <summary>
    /// A breach is likely: one is being counted, there was no data, a batch has just started, or nothing is known of
    /// the order yet (a new watch's first poll, most often right after its deploy started a batch: it must not queue
    /// behind the steady polls of every other watch).
    /// </summary>
    private static bool Elevated(WatchPolicy policy, WatchState state, VerdictKind? verdict, DateTimeOffset now) =>
        state.IsCounting() || verdict == VerdictKind.NoData || state.Order is null || BatchJustStarted(policy, state, now);

    /// <summary>A batch that started within two poll intervals (at least a minute) is in its riskiest phase.</summary>
    private static bool BatchJustStarted(WatchPolicy policy, WatchState state, DateTimeOffset now)
    {
        var window = policy.PollInterval * 2 > TimeSpan.FromMinutes(1) ? policy.PollInterval * 2 : TimeSpan.FromMinutes(1);
        return state.BatchStartedAt is { } at && now - at < window;
    }

    private static WatchState Counted(WatchState state, SaeMeasurement sae) =>
        state with { Polls = state.Polls + 1, SaeCalls = state.SaeCalls + sae.SaeCalls, GroupId = sae.GroupId ?? state.GroupId };

    private static VerdictKind Worst(VerdictKind instances, VerdictKind? signals) => signals switch
    {
        VerdictKind.Breach => VerdictKind.Breach,
        VerdictKind.ReadFailed when instances != VerdictKind.Breach => VerdictKind.ReadFailed,
        VerdictKind.NoData when instances is VerdictKind.Healthy => VerdictKind.NoData,
        _ => instances,
    };
}
