using ChangeGuard.Domain;
using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Simulator.Tests.Model;

public sealed class ChangeOrderTimelineTests
{
    private static OrderSnapshot At(ChangeOrderDefinition order, double t, IReadOnlyDictionary<int, double>? confirmations = null, double? abortedAt = null, double? finishedAt = null) =>
        ChangeOrderTimeline.At(order, BatchPlan.Layout("co", order.Batches, 4), t, confirmations ?? new Dictionary<int, double>(), abortedAt, finishedAt);

    private static ChangeOrderDefinition TwoBatches(Func<ChangeOrderDefinition, ChangeOrderDefinition>? change = null)
    {
        var order = ChangeOrders.Healthy("co") with { Batches = [ChangeOrders.Batch(2, 30), ChangeOrders.Batch(2, 30)] };
        return change?.Invoke(order) ?? order;
    }

    [Fact]
    public void At_FirstBatchRunning_IsExecutingWithFirstPipelineExecuting()
    {
        // Act
        var snapshot = At(TwoBatches(), 10);

        // Assert
        Assert.Equal(ChangeOrderStatus.Executing, snapshot.Status);
        Assert.Equal(0, snapshot.CurrentBatch);
        Assert.Equal(ChangeOrderStatus.Executing, snapshot.Batches[0].Status);
        Assert.Equal(ChangeOrderStatus.Preparing, snapshot.Batches[1].Status);
    }

    [Fact]
    public void At_AfterLastBatch_IsSucceeded()
    {
        // Act
        var snapshot = At(TwoBatches(), 60);

        // Assert
        Assert.Equal(ChangeOrderStatus.Succeeded, snapshot.Status);
        Assert.All(snapshot.Batches, b => Assert.Equal(ChangeOrderStatus.Succeeded, b.Status));
    }

    [Fact]
    public void At_DuringApproval_IsWaitingForApproval()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { ApprovalSeconds = 20 }), 5);

        // Assert
        Assert.Equal(ChangeOrderStatus.WaitingForApproval, snapshot.Status);
    }

    [Fact]
    public void At_BetweenAutomaticBatches_IsWaitingForNextBatch()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { BatchWaitSeconds = 20 }), 40);

        // Assert
        Assert.Equal(ChangeOrderStatus.WaitingForNextBatch, snapshot.Status);
        Assert.Equal(1, snapshot.CurrentBatch);
    }

    [Fact]
    public void At_ManualBatchNotConfirmed_WaitsForConfirmationForever()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { BatchType = BatchMode.Manual }), 10_000);

        // Assert
        Assert.Equal(ChangeOrderStatus.WaitingForBatchConfirmation, snapshot.Status);
        Assert.Equal(ChangeOrderStatus.Succeeded, snapshot.Batches[0].Status);
    }

    [Fact]
    public void At_ManualBatchConfirmed_RunsNextBatchFromConfirmation()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { BatchType = BatchMode.Manual }), 50, confirmations: new Dictionary<int, double> { [1] = 40 });

        // Assert
        Assert.Equal(ChangeOrderStatus.Executing, snapshot.Status);
        Assert.Equal(40, snapshot.Batches[1].StartedAt);
    }

    [Fact]
    public void At_ManualBatchWithConfirmAfter_ConfirmsByItself()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { BatchType = BatchMode.Manual, ConfirmAfterSeconds = 10 }), 41);

        // Assert
        Assert.Equal(ChangeOrderStatus.Executing, snapshot.Status);
        Assert.Equal(40, snapshot.Batches[1].StartedAt);
    }

    [Fact]
    public void At_BatchFails_OrderFails()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { Batches = [ChangeOrders.Batch(2) with { FailAtSecond = 5 }, ChangeOrders.Batch(2)] }), 6);

        // Assert
        Assert.Equal(ChangeOrderStatus.Failed, snapshot.Status);
        Assert.Equal(ChangeOrderStatus.Failed, snapshot.Batches[0].Status);
        Assert.Contains("EDAS-10022", snapshot.ErrorMessage);
    }

    [Fact]
    public void At_BatchFailsWithSubStatusMode_StaysExecutingWithSubStatusOne()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with
        {
            OnBatchFailure = FailureMode.SubStatus,
            Batches = [ChangeOrders.Batch(2) with { FailAtSecond = 5 }, ChangeOrders.Batch(2)],
        }), 500);

        // Assert
        Assert.Equal(ChangeOrderStatus.Executing, snapshot.Status);
        Assert.Equal(ChangeOrderSubStatus.Abnormal, snapshot.SubStatus);
        Assert.Equal(ChangeOrderStatus.Failed, snapshot.Batches[0].Status);
    }

    [Fact]
    public void At_StuckOrder_NeverEnds()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { IfNotAborted = OrderEnding.Stuck }), 100_000);

        // Assert
        Assert.Equal(ChangeOrderStatus.Executing, snapshot.Status);
        Assert.Equal(1, snapshot.CurrentBatch);
    }

    [Fact]
    public void At_OrderEndingInFailure_FailsAtLastBatchEnd()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { IfNotAborted = OrderEnding.Fail }), 60);

        // Assert
        Assert.Equal(ChangeOrderStatus.Failed, snapshot.Status);
        Assert.Equal(ChangeOrderStatus.Failed, snapshot.Batches[1].Status);
    }

    [Fact]
    public void At_AbortedDuringFirstBatch_IsAbortedAndStaysSo()
    {
        // Act
        var snapshot = At(TwoBatches(), 1_000, abortedAt: 10);

        // Assert
        Assert.Equal(ChangeOrderStatus.Aborted, snapshot.Status);
        Assert.Equal(ChangeOrderStatus.Aborted, snapshot.Batches[0].Status);
        Assert.Equal(ChangeOrderStatus.Preparing, snapshot.Batches[1].Status);
    }

    [Fact]
    public void At_BeforeAbortTime_IsUnaffected()
    {
        // Act
        var snapshot = At(TwoBatches(), 5, abortedAt: 10);

        // Assert
        Assert.Equal(ChangeOrderStatus.Executing, snapshot.Status);
    }

    [Fact]
    public void At_ForcedFinish_IsSucceeded()
    {
        // Act
        var snapshot = At(TwoBatches(o => o with { IfNotAborted = OrderEnding.Stuck }), 20, finishedAt: 15);

        // Assert
        Assert.Equal(ChangeOrderStatus.Succeeded, snapshot.Status);
        Assert.All(snapshot.Batches, b => Assert.Equal(ChangeOrderStatus.Succeeded, b.Status));
    }
}
