using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Domain.Tests.Health;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>The promotion gate: when a manual release waiting to start its next batch is confirmed, and when it is not.</summary>
public sealed class AssessorPromoteTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private static WatchContext Watch(Func<PromotePolicy, PromotePolicy>? change = null, bool dryRun = false, bool withSignal = false)
    {
        var promote = new PromotePolicy { Enabled = true, BakeTime = TimeSpan.FromMinutes(1), MinHealthyPolls = 3 };
        return Polls.Watch(WatchPolicy.Default with
        {
            PollInterval = Interval,
            Promote = change?.Invoke(promote) ?? promote,
            DryRun = dryRun,
            Signals = withSignal ? [SignalBuilder.Prometheus("error-rate", "q", 0.05)] : [],
        });
    }

    /// <summary>An order waiting for batch 2 of 3, the instances of batch 1 in <paramref name="condition"/>.</summary>
    private static PollMeasurements Waiting(InstanceCondition condition = InstanceCondition.Healthy, int batch = 2, params SignalMeasurement[] signals) =>
        new(Polls.Of(new SnapshotBuilder().WaitingToStart(batch, 3).WithInstances(4, condition, batch: batch - 1)), signals.Length == 0 ? null : signals);

    private static PollMeasurements Running(int batch = 1) =>
        new(Polls.Of(new SnapshotBuilder().Manual().WithBatches(batch, 3).WithInstances(4, InstanceCondition.Healthy, batch: batch)));

    /// <summary>Assesses the polls one interval apart from <see cref="Polls.Now"/>; returns the last assessment.</summary>
    private static PollAssessment Run(WatchContext watch, WatchState state, params PollMeasurements[] polls)
    {
        PollAssessment? last = null;
        for (var i = 0; i < polls.Length; i++)
        {
            last = Assessor.Assess(watch, last?.State ?? state, polls[i], Polls.Now + (Interval * i));
            state = last.State;
        }

        return last!;
    }

    private static PollMeasurements[] Healthy(int polls) => [.. Enumerable.Range(0, polls).Select(_ => Waiting())];

    [Fact]
    public void Assess_HealthyForBakeTimeAndPolls_PromotesTheWaitingBatch()
    {
        // Act: five polls, 0 s to 60 s.
        var assessment = Run(Watch(), WatchState.Initial, Healthy(5));

        // Assert
        Assert.Equal(WatchAction.Promote, assessment.Step.Action);
        Assert.Equal(new BatchPromotion("pipeline-2", 2, 3), assessment.Step.Promotion);
        Assert.Equal("promote batch 2 of 3", assessment.Decision.ActionText);
    }

    [Fact]
    public void Assess_BakeTimeNotYetPassed_KeepsBaking()
    {
        // Act: four polls, 0 s to 45 s.
        var assessment = Run(Watch(), WatchState.Initial, Healthy(4));

        // Assert
        Assert.Equal(WatchAction.Continue, assessment.Step.Action);
        Assert.Equal(new BatchBake("pipeline-2", 2, Polls.Now, 4), assessment.State.Bake);
        Assert.StartsWith("baking batch 1: healthy 45s of 1m", assessment.Decision.ActionText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, WatchAction.Continue)]
    [InlineData(3, WatchAction.Promote)]
    public void Assess_NoBakeTime_WaitsForTheHealthyPolls(int polls, WatchAction expected)
    {
        // Act
        var assessment = Run(Watch(p => p with { BakeTime = TimeSpan.Zero }), WatchState.Initial, Healthy(polls));

        // Assert
        Assert.Equal(expected, assessment.Step.Action);
    }

    [Fact]
    public void Assess_PromotionOff_NeverPromotes()
    {
        // Act
        var assessment = Run(Watch(p => p with { Enabled = false }), WatchState.Initial, Healthy(10));

        // Assert
        Assert.Equal((WatchAction.Continue, (BatchBake?)null), (assessment.Step.Action, assessment.State.Bake));
    }

    [Fact]
    public void Assess_BreachDuringBake_RestartsTheBakeFromTheNextHealthyPoll()
    {
        // Act: healthy 0–45 s, a breach at 60 s, healthy again 75–120 s.
        var assessment = Run(Watch(), WatchState.Initial, [.. Healthy(4), Waiting(InstanceCondition.Unavailable), .. Healthy(4)]);

        // Assert
        Assert.Equal(WatchAction.Continue, assessment.Step.Action);
        Assert.Equal(Polls.Now + (Interval * 5), assessment.State.Bake?.HealthySince);
    }

    [Fact]
    public void Assess_BreachAtItsLimitWhileWaiting_AbortsAndDoesNotPromote()
    {
        // Act
        var assessment = Run(Watch(), WatchState.Initial, [.. Healthy(5)[..4], Waiting(InstanceCondition.Unavailable), Waiting(InstanceCondition.Unavailable)]);

        // Assert
        Assert.Equal(WatchAction.Abort, assessment.Step.Action);
    }

    [Theory]
    [InlineData(true, WatchAction.Continue)]
    [InlineData(false, WatchAction.Promote)]
    public void Assess_SignalWithoutData_CountsOnlyWhenDataIsNotRequired(bool requireSignalData, WatchAction expected)
    {
        // Arrange
        var watch = Watch(p => p with { RequireSignalData = requireSignalData }, withSignal: true);
        var polls = Enumerable.Range(0, 5).Select(_ => Waiting(signals: Measured.NoData("error-rate"))).ToArray();

        // Act
        var assessment = Run(watch, WatchState.Initial, polls);

        // Assert
        Assert.Equal(expected, assessment.Step.Action);
    }

    [Fact]
    public void Assess_SignalPassingEveryPoll_Promotes()
    {
        // Arrange
        var polls = Enumerable.Range(0, 5).Select(_ => Waiting(signals: Measured.Value("error-rate", 0.01))).ToArray();

        // Act
        var assessment = Run(Watch(withSignal: true), WatchState.Initial, polls);

        // Assert
        Assert.Equal(WatchAction.Promote, assessment.Step.Action);
    }

    [Fact]
    public void AssessSignals_SignalBreachBetweenSaePolls_RestartsTheBake()
    {
        // Arrange
        var watch = Watch(withSignal: true);
        var baking = Run(watch, WatchState.Initial, Waiting(signals: Measured.Value("error-rate", 0.01))).State;

        // Act
        var assessment = Assessor.AssessSignals(watch, baking, [Measured.Value("error-rate", 0.5)], Polls.Now + Interval);

        // Assert
        Assert.Null(assessment.State.Bake);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(2, 3)]
    public void Assess_BatchBeyondLastBatch_IsLeftForAPerson(int lastBatch, int waitingBatch)
    {
        // Arrange
        var polls = Enumerable.Range(0, 8).Select(_ => Waiting(batch: waitingBatch)).ToArray();

        // Act
        var assessment = Run(Watch(p => p with { LastBatch = lastBatch }), WatchState.Initial, polls);

        // Assert
        Assert.Equal(WatchAction.Continue, assessment.Step.Action);
        Assert.Contains("left for a person", assessment.Decision.ActionText, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_DryRun_SaysItWouldPromote()
    {
        // Act
        var assessment = Run(Watch(dryRun: true), WatchState.Initial, Healthy(5));

        // Assert
        Assert.Equal((WatchAction.Promote, "would promote batch 2 of 3 (dry run)"), (assessment.Step.Action, assessment.Decision.ActionText));
    }

    [Fact]
    public void Assess_BatchAlreadyPromoted_DoesNotPromoteItAgain()
    {
        // Arrange
        var promoted = WatchState.Initial with { Promotions = [new Promotion(2, 3, "pipeline-2", Polls.Now, PromotionResult.Confirmed)] };

        // Act
        var assessment = Run(Watch(), promoted, Healthy(8));

        // Assert
        Assert.Equal(WatchAction.Continue, assessment.Step.Action);
    }

    [Fact]
    public void Plan_ManualBatchRunningWithPromotion_ReadsTheOrderEveryPoll()
    {
        // Arrange
        var watch = Watch();
        var state = Run(watch, WatchState.Initial, Running()).State;

        // Act
        var plan = Assessor.Plan(watch, state, Polls.Now + Interval);

        // Assert
        Assert.Equal((true, true), (plan.ReadOrder, plan.OrderEveryPoll));
    }

    [Fact]
    public void Plan_ManualBatchRunningWithoutPromotion_ReadsTheInstancesAlone()
    {
        // Arrange
        var watch = Watch(p => p with { Enabled = false });
        var state = Run(watch, WatchState.Initial, Running()).State;

        // Act
        var plan = Assessor.Plan(watch, state, Polls.Now + Interval);

        // Assert
        Assert.False(plan.ReadOrder);
    }

    [Fact]
    public void Plan_OrderLastReadWaitingForAConfirmedBatch_ReadsTheOrder()
    {
        // Arrange
        var watch = Watch();
        var waiting = Run(watch, WatchState.Initial, Waiting()).State;
        var promoted = Assessor.JudgePromotion(waiting, new BatchPromotion("pipeline-2", 2, 3),
            new PromotionAttempt(PromotionAnswer.Confirmed, ChangeOrderStatus.WaitingForBatchConfirmation, "pipeline-2", null, "req-1", 2), Polls.Now).State;

        // Act
        var plan = Assessor.Plan(watch, promoted, Polls.Now + Interval);

        // Assert
        Assert.True(plan.ReadOrder);
    }

    [Fact]
    public void JudgePromotion_BatchNotWaitingYet_RecordsNoPromotion()
    {
        // Arrange: a person asked for batch 2 while batch 1 still runs.
        var attempt = new PromotionAttempt(PromotionAnswer.NotWaiting, ChangeOrderStatus.Executing, null, null, null, 1, CurrentBatch: 1);

        // Act
        var step = Assessor.JudgePromotion(WatchState.Initial, new BatchPromotion(string.Empty, 2, 3), attempt, Polls.Now, "manual promote by alice");

        // Assert
        Assert.Null(step.Result);
        Assert.Empty(step.State.Promotions);
        Assert.Equal("manual promote by alice: batch 2 of 3 does not wait for a confirm yet (batch 1 runs)", step.State.Decisions[^1].Reason);
    }

    [Theory]
    [InlineData(ChangeOrderStatus.WaitingForBatchConfirmation, 2, "pipeline-2", 2)]
    [InlineData(ChangeOrderStatus.Executing, 1, "", 2)]
    public void ManualPromotion_ManualRelease_IsTheWaitingOrNextBatch(ChangeOrderStatus status, int currentBatch, string pipeline, int batch)
    {
        // Arrange
        var order = new SnapshotBuilder().Manual().WithBatches(currentBatch, 3).BuildProgress() with
        {
            Status = status,
            CurrentPipelineId = status == ChangeOrderStatus.WaitingForBatchConfirmation ? "pipeline-2" : null,
        };

        // Act
        var target = Assessor.ManualPromotion(WatchState.Initial with { Order = order });

        // Assert
        Assert.Equal(new BatchPromotion(pipeline, batch, 3), target);
    }

    [Fact]
    public void ManualPromotion_AutomaticRelease_IsNothing()
    {
        // Act
        var target = Assessor.ManualPromotion(WatchState.Initial with { Order = new SnapshotBuilder().BuildProgress() });

        // Assert
        Assert.Null(target);
    }

    public static TheoryData<PromotionAnswer?, PromotionResult?, WatchAction> Answers() => new()
    {
        { null, PromotionResult.WouldPromote, WatchAction.Promote },
        { PromotionAnswer.Confirmed, PromotionResult.Confirmed, WatchAction.PromoteConfirmed },
        { PromotionAnswer.NotWaiting, PromotionResult.AlreadyConfirmed, WatchAction.PromoteSkipped },
        { PromotionAnswer.Refused, PromotionResult.Refused, WatchAction.PromoteFailed },
        { PromotionAnswer.Retry, null, WatchAction.PromoteFailed },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void JudgePromotion_Answer_RecordsItsResultAndTimelineEntry(PromotionAnswer? answer, PromotionResult? result, WatchAction action)
    {
        // Arrange
        var attempt = answer is { } a ? new PromotionAttempt(a, ChangeOrderStatus.Executing, null, null, null, 2) : null;

        // Act
        var step = Assessor.JudgePromotion(WatchState.Initial, new BatchPromotion("pipeline-2", 2, 3), attempt, Polls.Now);

        // Assert
        Assert.Equal(result, step.Result);
        Assert.Equal(action, step.State.Decisions[^1].Action);
        Assert.Equal(result is null ? 0 : 1, step.State.Promotions.Count);
    }
}
