using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Orchestration;
using Moq;

namespace ChangeGuard.Watching.Tests.Orchestration;

public sealed class WatchOrchestratorTests
{
    private static WatchInput Input(Func<WatchPolicy, WatchPolicy>? policy = null, int pollsPerGeneration = 50, string? abortReason = null) =>
        new(new WatchTarget("cn-hangzhou", "app-1", "co-1"),
            (policy ?? (p => p))(WatchPolicy.Default with { PollInterval = TimeSpan.FromSeconds(10) }),
            "test",
            AbortReason: abortReason,
            PollsPerGeneration: pollsPerGeneration);

    private static Task<WatchResult> RunAsync(OrchestrationContextMock context, WatchInput input) =>
        new WatchOrchestrator().RunAsync(context.Object, input);

    [Fact]
    public async Task RunAsync_OrderSucceeds_EndsSucceededWithoutAbort()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy(), HealthReads.Succeeded());

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, result.Polls);
        Assert.Equal(4, result.SaeCalls);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Times.Never());
    }

    private static WatchPolicy Promoting(WatchPolicy policy) =>
        policy with { Promote = new PromotePolicy { Enabled = true, BakeTime = TimeSpan.Zero, MinHealthyPolls = 1 } };

    [Fact]
    public async Task RunAsync_PromotionGateOpens_ConfirmsTheBatchOnce()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.WaitingToStart(), HealthReads.Succeeded()).Promotes(HealthReads.Promoted());

        // Act
        var result = await RunAsync(context, Input(Promoting));

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Single(context.Calls, nameof(PromoteBatchActivity));
        Assert.Equal([(2, PromotionResult.Confirmed)], result.Promotions.Select(p => (p.Batch, p.Result)));
    }

    [Fact]
    public async Task RunAsync_PromotionGateOpensInADryRun_CallsNothing()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.WaitingToStart(), HealthReads.Succeeded());

        // Act
        var result = await RunAsync(context, Input(p => Promoting(p) with { DryRun = true }));

        // Assert
        Assert.DoesNotContain(nameof(PromoteBatchActivity), context.Calls);
        Assert.Equal([PromotionResult.WouldPromote], result.Promotions.Select(p => p.Result));
    }

    [Fact]
    public async Task RunAsync_ConfirmThrottled_IsTriedAgainOnTheNextPoll()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.WaitingToStart(), HealthReads.WaitingToStart(), HealthReads.Succeeded())
            .Promotes(HealthReads.PromoteThrottled(), HealthReads.Promoted());

        // Act
        var result = await RunAsync(context, Input(Promoting));

        // Assert
        Assert.Equal(2, context.Calls.Count(c => c == nameof(PromoteBatchActivity)));
        Assert.Equal([PromotionResult.Confirmed], result.Promotions.Select(p => p.Result));
    }

    [Fact]
    public async Task RunAsync_PersonPromotesTheWaitingBatch_ConfirmsItAndGoesOn()
    {
        // Arrange: promotion is off; a person asks for it.
        var context = new OrchestrationContextMock().Reads(HealthReads.WaitingToStart(), HealthReads.Succeeded()).Promotes(HealthReads.Promoted());
        context.PromoteNow(new ManualCommand("canary looks good", "alice"));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal([(2, PromotionResult.Confirmed)], result.Promotions.Select(p => (p.Batch, p.Result)));
        Assert.Contains(result.Timeline, d => d.Action == WatchAction.PromoteConfirmed && d.Reason.StartsWith("manual promote by alice (canary looks good): confirmed batch 2 of 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PersonPromotesAnOrderNotKnownToWait_CallsNothing()
    {
        // Arrange: an automatic release; nothing to confirm.
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy(), HealthReads.Succeeded());
        context.PromoteNow(new ManualCommand(null, "bob"));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.DoesNotContain(nameof(PromoteBatchActivity), context.Calls);
        Assert.Contains(result.Timeline, d => d.Action == WatchAction.PromoteFailed && d.ActionText == "nothing to promote");
    }

    [Fact]
    public async Task RunAsync_TwoBreachesInARow_AbortsAndConfirms()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.Accepted())
            .Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.True(result.AbortConfirmed);
        Assert.Equal("req-abort", result.AbortRequestId);
        Assert.Equal(ChangeOrderStatus.Aborted, result.FinalStatus);
    }

    [Fact]
    public async Task RunAsync_DryRun_ReportsWouldAbortAndNeverCallsAbort()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy());

        // Act
        var result = await RunAsync(context, Input(p => p with { DryRun = true }));

        // Assert
        Assert.Equal(WatchOutcome.DryRunWouldAbort, result.Outcome);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Times.Never());
    }

    [Fact]
    public async Task RunAsync_AbortDenied_EndsAbortFailedWithCodeAndNoRetry()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy()).Aborts(HealthReads.Denied());

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.AbortFailed, result.Outcome);
        Assert.Equal(SaeErrorCodes.ResourceNoPermission, result.ErrorCode);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Times.Once());
    }

    [Fact]
    public async Task RunAsync_AbortBusyTwice_RetriesOnDurableTimersThenAborts()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.Busy(), HealthReads.Busy(), HealthReads.Accepted())
            .Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));

        // Act
        var timersBefore = context.Timers.Count;
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Times.Exactly(3));
        Assert.Contains(result.Timeline, d => d.ActionText.StartsWith("retry in", StringComparison.Ordinal));
        Assert.True(context.Timers.Count - timersBefore >= 3);
    }

    [Fact]
    public async Task RunAsync_AbortBusyBeyondMaxAttempts_EndsAbortFailed()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.Busy(), HealthReads.Busy(), HealthReads.Busy());

        // Act
        var result = await RunAsync(context, Input(p => p with { MaxAbortAttempts = 3 }));

        // Assert
        Assert.Equal(WatchOutcome.AbortFailed, result.Outcome);
        Assert.Equal(SaeErrorCodes.ChangeOrderRunning, result.ErrorCode);
        Assert.Contains("gave up after 3 attempt(s)", result.ErrorMessage);
    }

    [Fact]
    public async Task RunAsync_AbortMeetsNotRunningOnEndedOrder_EndsAlreadyEnded()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.NotRunning(ChangeOrderStatus.Succeeded));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.AlreadyEnded, result.Outcome);
        Assert.Equal(ChangeOrderStatus.Succeeded, result.FinalStatus);
    }

    [Fact]
    public async Task RunAsync_AbortMeetsNotRunningOnRunningOrder_RetriesIt()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.NotRunning(ChangeOrderStatus.Executing), HealthReads.Accepted())
            .Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Times.Exactly(2));
    }

    [Fact]
    public async Task RunAsync_OwnAbortRunAgainMeetsNotRunningOnTerminatedOrder_EndsAborted()
    {
        // Arrange: the activity ran twice (a crash after SAE applied the first): the second meets Not.Running, status 6.
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.NotRunning(ChangeOrderStatus.Aborted));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal((WatchOutcome.Aborted, true, ChangeOrderStatus.Aborted), (result.Outcome, result.AbortConfirmed, result.FinalStatus));
        Assert.Equal(WatchAction.AbortApplied, result.Timeline[^1].Action);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Times.Once());
    }

    [Fact]
    public async Task RunAsync_UnclearAbortAnswerOnTerminatedOrder_EndsAbortedWithoutRetry()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.Unclear(ChangeOrderStatus.Aborted));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.DoesNotContain(nameof(ConfirmAbortActivity), context.Calls);
    }

    [Fact]
    public async Task RunAsync_UnclearAbortAnswerOnRunningOrder_RetriesOnADurableTimer()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.Unclear(ChangeOrderStatus.Executing), HealthReads.Accepted())
            .Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains(result.Timeline, d => d.Action == WatchAction.AbortRetry);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Times.Exactly(2));
    }

    [Fact]
    public async Task RunAsync_PermanentReadError_EndsUnwatchableWithoutAbort()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy(), HealthReads.Failed(ErrorClass.Permanent));

        // Act
        var result = await RunAsync(context, Input(p => p with { ConsecutiveErrorLimit = 1 }));

        // Assert
        Assert.Equal(WatchOutcome.Unwatchable, result.Outcome);
        Assert.Contains("Resouce.no.permission", result.Reason, StringComparison.Ordinal);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Times.Never());
    }

    [Fact]
    public async Task RunAsync_AcceptedButNeverTerminal_ReportsUnconfirmedAbort()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
            .Aborts(HealthReads.Accepted())
            .Confirms(Enumerable.Repeat(HealthReads.Status(ChangeOrderStatus.Executing), 100).ToArray());

        // Act
        var result = await RunAsync(context, Input(p => p with { AbortConfirmTimeout = TimeSpan.FromSeconds(20) }));

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.False(result.AbortConfirmed);
        Assert.Contains("did not reach a terminal status", result.Reason);
    }

    [Fact]
    public async Task RunAsync_ReadErrorsUpToLimit_AbortsNeverCountingThemAsBreaches()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Failed(), HealthReads.Failed(), HealthReads.Failed(), HealthReads.Failed())
            .Aborts(HealthReads.Accepted())
            .Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));

        // Act
        var result = await RunAsync(context, Input());

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains("could not be read 4 times", result.Reason);
        Assert.DoesNotContain(result.Timeline, d => d.ActionText.StartsWith("breach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PastTimeoutAtStart_AbortsWithoutReading()
    {
        // Arrange
        var context = new OrchestrationContextMock().Aborts(HealthReads.Accepted()).Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));
        var input = Input() with { StartedAt = new DateTimeOffset(context.Now).AddHours(-1), State = WatchState.Initial with { Polls = 100 } };

        // Act
        var result = await RunAsync(context, input);

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("timeout", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AbortReasonGiven_AbortsAtOnce()
    {
        // Arrange
        var context = new OrchestrationContextMock().Aborts(HealthReads.Accepted()).Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));

        // Act
        var result = await RunAsync(context, Input(abortReason: "past the hard maximum"));

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal("past the hard maximum", result.Reason);
        Assert.Equal(0, result.Polls);
    }

    [Fact]
    public async Task RunAsync_GenerationFull_ContinuesAsNewCarryingStateAndStart()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy(), HealthReads.Healthy(), HealthReads.Healthy());

        // Act
        await RunAsync(context, Input(pollsPerGeneration: 3));

        // Assert
        var next = Assert.IsType<WatchInput>(context.ContinuedWith);
        Assert.Equal(3, next.State!.Polls);
        Assert.Equal(1, next.State.Generation);
        Assert.Equal("group-1", next.State.GroupId);
        Assert.NotNull(next.StartedAt);
    }

    [Fact]
    public async Task RunAsync_StopArrivesBeforeFirstPoll_EndsStoppedWithoutReading()
    {
        // Arrange
        var context = new OrchestrationContextMock();
        context.Stop.SetResult(new ManualCommand("not needed", "zoe"));

        // Act
        var result = await RunAsync(context, Input(p => p with { InitialDelay = TimeSpan.FromSeconds(30) }));

        // Assert
        Assert.Equal(WatchOutcome.Stopped, result.Outcome);
        Assert.Equal("zoe", result.RequestedBy);
    }

    [Fact]
    public async Task RunAsync_AbortAndStopBothArrived_AbortWins()
    {
        // Arrange
        var context = new OrchestrationContextMock().Aborts(HealthReads.Accepted()).Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));
        context.Stop.SetResult(new ManualCommand(null, "a"));
        context.AbortNow.SetResult(new ManualCommand("bad", "b"));

        // Act
        var result = await RunAsync(context, Input(p => p with { InitialDelay = TimeSpan.FromSeconds(30) }));

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal("b", result.RequestedBy);
    }

    [Fact]
    public async Task RunAsync_EveryStatus_StaysUnderSixteenKilobytes()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(Enumerable.Range(0, 30).Select(_ => HealthReads.Failed()).Append(HealthReads.Succeeded()).ToArray());

        // Act
        await RunAsync(context, Input(p => p with { ConsecutiveErrorLimit = 100 }));

        // Assert
        Assert.All(context.Statuses, s => Assert.True(System.Text.Json.JsonSerializer.Serialize(s).Length < 16 * 1024));
        Assert.Equal(WatchPhase.Ended, context.Statuses[^1].Phase);
    }
}
