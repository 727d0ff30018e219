using ChangeGuard.Core.Health;
using ChangeGuard.Core.Policy;
using ChangeGuard.Sae.Models.ChangeOrders;

namespace ChangeGuard.Core.Tests.Health;

public sealed class HealthEvaluatorTests
{
    private static readonly WatchPolicy Policy = WatchPolicy.Default;

    [Theory]
    [InlineData(ChangeOrderStatus.Preparing, ChangeOrderSubStatus.Normal, VerdictKind.Healthy, false)]
    [InlineData(ChangeOrderStatus.Preparing, ChangeOrderSubStatus.Abnormal, VerdictKind.Breach, true)]
    [InlineData(ChangeOrderStatus.Executing, ChangeOrderSubStatus.Normal, VerdictKind.Healthy, false)]
    [InlineData(ChangeOrderStatus.Executing, ChangeOrderSubStatus.Abnormal, VerdictKind.Breach, true)]
    [InlineData(ChangeOrderStatus.Succeeded, ChangeOrderSubStatus.Normal, VerdictKind.Succeeded, false)]
    [InlineData(ChangeOrderStatus.Succeeded, ChangeOrderSubStatus.Abnormal, VerdictKind.Succeeded, false)]
    [InlineData(ChangeOrderStatus.Failed, ChangeOrderSubStatus.Normal, VerdictKind.EndedOtherwise, false)]
    [InlineData(ChangeOrderStatus.Failed, ChangeOrderSubStatus.Abnormal, VerdictKind.EndedOtherwise, false)]
    [InlineData(ChangeOrderStatus.Aborted, ChangeOrderSubStatus.Normal, VerdictKind.EndedOtherwise, false)]
    [InlineData(ChangeOrderStatus.Aborted, ChangeOrderSubStatus.Abnormal, VerdictKind.EndedOtherwise, false)]
    [InlineData(ChangeOrderStatus.WaitingForBatchConfirmation, ChangeOrderSubStatus.Normal, VerdictKind.WaitingForHuman, false)]
    [InlineData(ChangeOrderStatus.WaitingForBatchConfirmation, ChangeOrderSubStatus.Abnormal, VerdictKind.Breach, true)]
    [InlineData(ChangeOrderStatus.WaitingForNextBatch, ChangeOrderSubStatus.Normal, VerdictKind.Healthy, false)]
    [InlineData(ChangeOrderStatus.WaitingForNextBatch, ChangeOrderSubStatus.Abnormal, VerdictKind.Breach, true)]
    [InlineData(ChangeOrderStatus.SystemFailed, ChangeOrderSubStatus.Normal, VerdictKind.EndedOtherwise, false)]
    [InlineData(ChangeOrderStatus.SystemFailed, ChangeOrderSubStatus.Abnormal, VerdictKind.EndedOtherwise, false)]
    [InlineData(ChangeOrderStatus.WaitingForApproval, ChangeOrderSubStatus.Normal, VerdictKind.WaitingForHuman, false)]
    [InlineData(ChangeOrderStatus.WaitingForApproval, ChangeOrderSubStatus.Abnormal, VerdictKind.Breach, true)]
    [InlineData(ChangeOrderStatus.Approved, ChangeOrderSubStatus.Normal, VerdictKind.Healthy, false)]
    [InlineData(ChangeOrderStatus.Approved, ChangeOrderSubStatus.Abnormal, VerdictKind.Breach, true)]
    public void Evaluate_StatusWithHealthyInstances_GivesKind(
        ChangeOrderStatus status, ChangeOrderSubStatus subStatus, VerdictKind expected, bool expectedCritical)
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(status, subStatus).WithInstances(2, InstanceCondition.Healthy).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(expected, verdict.Kind);
        Assert.Equal(expectedCritical, verdict.Critical);
    }

    [Theory]
    [InlineData(ChangeOrderStatus.Preparing, VerdictKind.Healthy)]
    [InlineData(ChangeOrderStatus.Executing, VerdictKind.Healthy)]
    [InlineData(ChangeOrderStatus.Succeeded, VerdictKind.Succeeded)]
    [InlineData(ChangeOrderStatus.Failed, VerdictKind.EndedOtherwise)]
    [InlineData(ChangeOrderStatus.Aborted, VerdictKind.EndedOtherwise)]
    [InlineData(ChangeOrderStatus.WaitingForBatchConfirmation, VerdictKind.WaitingForHuman)]
    [InlineData(ChangeOrderStatus.WaitingForNextBatch, VerdictKind.Healthy)]
    [InlineData(ChangeOrderStatus.SystemFailed, VerdictKind.EndedOtherwise)]
    [InlineData(ChangeOrderStatus.WaitingForApproval, VerdictKind.WaitingForHuman)]
    [InlineData(ChangeOrderStatus.Approved, VerdictKind.Healthy)]
    public void Evaluate_StatusBeforeAnyBatch_GivesKind(ChangeOrderStatus status, VerdictKind expected)
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(status).BeforeAnyBatch().Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(expected, verdict.Kind);
    }

    [Fact]
    public void Evaluate_SubStatusAbnormalOnExecuting_IsCriticalBatchFailedBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithStatus(ChangeOrderStatus.Executing, ChangeOrderSubStatus.Abnormal)
            .WithInstances(2, InstanceCondition.Healthy)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.True(verdict.Critical);
        Assert.Equal("batchFailed", Assert.Single(verdict.Evidence).Signal);
    }

    [Fact]
    public void Evaluate_FailedBatch_IsCriticalBreachNamingTheBatchAndReason()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithBatches(2, 3)
            .WithFailedBatch(2, "health check failed")
            .WithInstances(2, InstanceCondition.Healthy)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.True(verdict.Critical);
        Assert.Equal("batchFailed", Assert.Single(verdict.Evidence).Signal);
        Assert.Contains("batch 2 of 3 failed", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("health check failed", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FailedStatusWithFailedBatch_EndsOtherwiseBeforeBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(ChangeOrderStatus.Failed).WithFailedBatch(1).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.EndedOtherwise, verdict.Kind);
    }

    [Theory]
    [InlineData(ChangeOrderStatus.WaitingForApproval)]
    [InlineData(ChangeOrderStatus.WaitingForBatchConfirmation)]
    public void Evaluate_WaitingStatusWithHealthyInstances_IsWaitingForHuman(ChangeOrderStatus status)
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(status).WithInstances(3, InstanceCondition.Healthy).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.WaitingForHuman, verdict.Kind);
    }

    [Theory]
    [InlineData(ChangeOrderStatus.Preparing)]
    [InlineData(ChangeOrderStatus.Approved)]
    [InlineData(ChangeOrderStatus.WaitingForNextBatch)]
    public void Evaluate_NoBatchStarted_IsHealthy(ChangeOrderStatus status)
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(status).BeforeAnyBatch().Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Evaluate_BatchStartedWithoutInstances_IsNoData()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(ChangeOrderStatus.Executing).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.NoData, verdict.Kind);
    }

    [Fact]
    public void Evaluate_OnlyStartingInstances_IsNoData()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstances(3, InstanceCondition.Starting).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.NoData, verdict.Kind);
    }

    [Fact]
    public void Evaluate_AllInstancesHealthy_IsHealthy()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstances(4, InstanceCondition.Healthy).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
        Assert.Empty(verdict.Evidence);
    }

    [Fact]
    public void Evaluate_CrashLoopingInstance_IsCriticalBreachNamingTheInstance()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(3, InstanceCondition.Healthy)
            .WithInstance(SnapshotBuilder.Instance("crash-1", InstanceCondition.CrashLooping))
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.True(verdict.Critical);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal("crashLooping", evidence.Signal);
        Assert.Contains(evidence.Instances, i => i.StartsWith("crash-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UnavailableRatioAboveLimit_IsNonCriticalBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(2, InstanceCondition.Healthy)
            .WithInstances(2, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.False(verdict.Critical);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal("unavailableRatio", evidence.Signal);
        Assert.Equal(2, evidence.Instances.Count);
    }

    [Fact]
    public void Evaluate_UnavailableRatioExactlyAtLimit_IsHealthy()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(3, InstanceCondition.Healthy)
            .WithInstances(1, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy with { MaxUnavailableRatio = 0.25 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Evaluate_StartingInstances_AreLeftOutOfTheRatio()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(3, InstanceCondition.Healthy)
            .WithInstances(1, InstanceCondition.Unavailable)
            .WithInstances(4, InstanceCondition.Starting)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy with { MaxUnavailableRatio = 0.25 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Evaluate_ZeroRatioAllowedAndOneUnavailable_IsBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(9, InstanceCondition.Healthy)
            .WithInstances(1, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy with { MaxUnavailableRatio = 0 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
    }

    [Fact]
    public void Evaluate_RestartsSinceBaselineAboveLimit_IsRestartsBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(1, InstanceCondition.Healthy)
            .WithInstance(SnapshotBuilder.Instance("restarter", restarts: 4))
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy with { MaxRestarts = 3 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.False(verdict.Critical);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal("restarts", evidence.Signal);
        Assert.Contains(evidence.Instances, i => i.StartsWith("restarter", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_RestartsAtLimit_IsHealthy()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstance(SnapshotBuilder.Instance("restarter", restarts: 3)).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy with { MaxRestarts = 3 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Evaluate_RestartsBeforeBaseline_DoNotCount()
    {
        // Arrange
        var early = SnapshotBuilder.EarlyInstance("early", restarts: 10);
        var baseline = RestartBaseline.Empty.Observe([early], SnapshotBuilder.WatchStartedAt);
        var later = early with { Restarts = 12 };
        var snapshot = new SnapshotBuilder().WithInstance(later).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy with { MaxRestarts = 3 }, baseline);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Evaluate_RestartsAndRatioBothBreached_ReportsBothSignals()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstance(SnapshotBuilder.Instance("restarter", InstanceCondition.Unavailable, restarts: 9))
            .WithInstances(1, InstanceCondition.Healthy)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.Equal(["restarts", "unavailableRatio"], verdict.Evidence.Select(e => e.Signal));
    }

    [Fact]
    public void Evaluate_WaitingForBatchConfirmationWithUnhealthyInstances_IsBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithStatus(ChangeOrderStatus.WaitingForBatchConfirmation)
            .WithInstances(1, InstanceCondition.Healthy)
            .WithInstances(3, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
    }

    [Fact]
    public void Evaluate_WaitingForBatchConfirmationWithCrashLoop_IsCriticalBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithStatus(ChangeOrderStatus.WaitingForBatchConfirmation)
            .WithInstances(1, InstanceCondition.CrashLooping)
            .Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.True(verdict.Critical);
    }

    [Fact]
    public void Evaluate_ManyCrashLoopingInstances_ListsAtMostTen()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstances(25, InstanceCondition.CrashLooping).Build();

        // Act
        var verdict = HealthEvaluator.Evaluate(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(10, Assert.Single(verdict.Evidence).Instances.Count);
    }
}
