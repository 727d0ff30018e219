using System.Globalization;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Domain.Tests.Health;

namespace ChangeGuard.Domain.Tests.Assessment;

public sealed class InstanceRulesTests
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
    public void Judge_StatusWithHealthyInstances_GivesKind(
        ChangeOrderStatus status, ChangeOrderSubStatus subStatus, VerdictKind expected, bool expectedCritical)
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(status, subStatus).WithInstances(2, InstanceCondition.Healthy).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

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
    public void Judge_StatusBeforeAnyBatch_GivesKind(ChangeOrderStatus status, VerdictKind expected)
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(status).BeforeAnyBatch().Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(expected, verdict.Kind);
    }

    [Fact]
    public void Judge_SubStatusAbnormalOnExecuting_IsCriticalBatchFailedBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithStatus(ChangeOrderStatus.Executing, ChangeOrderSubStatus.Abnormal)
            .WithInstances(2, InstanceCondition.Healthy)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.True(verdict.Critical);
        Assert.Equal("batchFailed", Assert.Single(verdict.Evidence).Signal);
    }

    [Fact]
    public void Judge_FailedBatch_IsCriticalBreachNamingTheBatchAndReason()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithBatches(2, 3)
            .WithFailedBatch(2, "health check failed")
            .WithInstances(2, InstanceCondition.Healthy)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.True(verdict.Critical);
        Assert.Equal("batchFailed", Assert.Single(verdict.Evidence).Signal);
        Assert.Contains("batch 2 of 3 failed", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("health check failed", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_FailedStatusWithFailedBatch_EndsOtherwiseBeforeBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(ChangeOrderStatus.Failed).WithFailedBatch(1).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.EndedOtherwise, verdict.Kind);
    }

    [Theory]
    [InlineData(ChangeOrderStatus.WaitingForApproval)]
    [InlineData(ChangeOrderStatus.WaitingForBatchConfirmation)]
    public void Judge_WaitingStatusWithHealthyInstances_IsWaitingForHuman(ChangeOrderStatus status)
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(status).WithInstances(3, InstanceCondition.Healthy).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.WaitingForHuman, verdict.Kind);
    }

    [Theory]
    [InlineData(ChangeOrderStatus.Preparing)]
    [InlineData(ChangeOrderStatus.Approved)]
    [InlineData(ChangeOrderStatus.WaitingForNextBatch)]
    public void Judge_NoBatchStarted_IsHealthy(ChangeOrderStatus status)
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(status).BeforeAnyBatch().Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Judge_BatchStartedWithoutInstances_IsNoData()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithStatus(ChangeOrderStatus.Executing).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.NoData, verdict.Kind);
    }

    [Fact]
    public void Judge_OnlyStartingInstances_IsNoData()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstances(3, InstanceCondition.Starting).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.NoData, verdict.Kind);
    }

    [Fact]
    public void Judge_AllInstancesHealthy_IsHealthy()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstances(4, InstanceCondition.Healthy).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
        Assert.Empty(verdict.Evidence);
    }

    [Fact]
    public void Judge_CrashLoopingInstance_IsCriticalBreachNamingTheInstance()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(3, InstanceCondition.Healthy)
            .WithInstance(SnapshotBuilder.Instance("crash-1", InstanceCondition.CrashLooping))
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.True(verdict.Critical);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal("crashLooping", evidence.Signal);
        Assert.Contains(evidence.Instances, i => i.StartsWith("crash-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_UnavailableRatioAboveLimit_IsNonCriticalBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(2, InstanceCondition.Healthy)
            .WithInstances(2, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.False(verdict.Critical);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal("unavailableRatio", evidence.Signal);
        Assert.Equal(2, evidence.Instances.Count);
    }

    [Fact]
    public void Judge_UnavailableRatioExactlyAtLimit_IsHealthy()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(3, InstanceCondition.Healthy)
            .WithInstances(1, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy with { MaxUnavailableRatio = 0.25 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Judge_StartingInstances_AreLeftOutOfTheRatio()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(3, InstanceCondition.Healthy)
            .WithInstances(1, InstanceCondition.Unavailable)
            .WithInstances(4, InstanceCondition.Starting)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy with { MaxUnavailableRatio = 0.25 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Judge_ZeroRatioAllowedAndOneUnavailable_IsBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(9, InstanceCondition.Healthy)
            .WithInstances(1, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy with { MaxUnavailableRatio = 0 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
    }

    [Fact]
    public void Judge_RestartsSinceBaselineAboveLimit_IsRestartsBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(1, InstanceCondition.Healthy)
            .WithInstance(SnapshotBuilder.Instance("restarter", restarts: 4))
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy with { MaxRestarts = 3 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.False(verdict.Critical);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal("restarts", evidence.Signal);
        Assert.Contains(evidence.Instances, i => i.StartsWith("restarter", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_RestartsAtLimit_IsHealthy()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstance(SnapshotBuilder.Instance("restarter", restarts: 3)).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy with { MaxRestarts = 3 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Judge_RestartsBeforeBaseline_DoNotCount()
    {
        // Arrange
        var early = SnapshotBuilder.EarlyInstance("early", restarts: 10);
        var baseline = RestartBaseline.Empty.Observe([early], SnapshotBuilder.WatchStartedAt);
        var later = early with { Restarts = 12 };
        var snapshot = new SnapshotBuilder().WithInstance(later).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy with { MaxRestarts = 3 }, baseline);

        // Assert
        Assert.Equal(VerdictKind.Healthy, verdict.Kind);
    }

    [Fact]
    public void Judge_RestartsAndRatioBothBreached_ReportsBothSignals()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstance(SnapshotBuilder.Instance("restarter", InstanceCondition.Unavailable, restarts: 9))
            .WithInstances(1, InstanceCondition.Healthy)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.Equal(["restarts", "unavailableRatio"], verdict.Evidence.Select(e => e.Signal));
    }

    [Fact]
    public void Judge_WaitingForBatchConfirmationWithUnhealthyInstances_IsBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithStatus(ChangeOrderStatus.WaitingForBatchConfirmation)
            .WithInstances(1, InstanceCondition.Healthy)
            .WithInstances(3, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
    }

    [Fact]
    public void Judge_WaitingForBatchConfirmationWithCrashLoop_IsCriticalBreach()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithStatus(ChangeOrderStatus.WaitingForBatchConfirmation)
            .WithInstances(1, InstanceCondition.CrashLooping)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.True(verdict.Critical);
    }

    [Fact]
    public void Judge_ManyCrashLoopingInstances_ListsAtMostTen()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstances(25, InstanceCondition.CrashLooping).Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal(10, Assert.Single(verdict.Evidence).Instances.Count);
    }

    /// <summary>
    /// Per-batch judgement: each row lists the batches' new instances as <c>healthy/unavailable</c>, comma-separated,
    /// then the threshold, the verdict and the scope the evidence names. A bad batch must not hide behind the healthy
    /// instances of the others.
    /// </summary>
    [Theory]
    [InlineData("4/0,2/2", 3, 0.25, VerdictKind.Breach, "2 of 4 new instances in batch 2 of 3")]
    [InlineData("4/0,2/2,4/0", 3, 0.25, VerdictKind.Breach, "2 of 4 new instances in batch 2 of 3")]
    [InlineData("2/2,4/0", 3, 0.25, VerdictKind.Breach, "2 of 4 new instances in batch 1 of 3")]
    [InlineData("3/1,3/1", 2, 0.25, VerdictKind.Healthy, null)]
    [InlineData("1/0,0/1", 2, 0.5, VerdictKind.Breach, "1 of 1 new instances in batch 2 of 2")]
    [InlineData("2/2,2/2", 2, 0.25, VerdictKind.Breach, "2 of 4 new instances in batch 2 of 2")]
    [InlineData("8/0", 1, 0, VerdictKind.Healthy, null)]
    public void Judge_InstancesByBatch_JudgesEachBatch(string batches, int batchCount, double maxRatio, VerdictKind expected, string? scope)
    {
        // Arrange
        var builder = new SnapshotBuilder().WithBatches(batches.Split(',').Length, batchCount);
        foreach (var (counts, batch) in batches.Split(',').Select((b, i) => (b.Split('/'), i + 1)))
        {
            builder.WithInstances(int.Parse(counts[0], CultureInfo.InvariantCulture), InstanceCondition.Healthy, batch: batch)
                .WithInstances(int.Parse(counts[1], CultureInfo.InvariantCulture), InstanceCondition.Unavailable, batch: batch);
        }

        // Act
        var verdict = InstanceRules.Judge(builder.Build(), Policy with { MaxUnavailableRatio = maxRatio }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(expected, verdict.Kind);
        if (scope is not null)
        {
            Assert.Contains(scope, Assert.Single(verdict.Evidence).Observed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Judge_UnavailableInstancesOfNoKnownBatch_JudgedOverTheRunningTotal()
    {
        // Arrange
        var snapshot = new SnapshotBuilder()
            .WithInstances(2, InstanceCondition.Healthy, batch: 1)
            .WithInstances(2, InstanceCondition.Unavailable)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy with { MaxUnavailableRatio = 0.25 }, RestartBaseline.Empty);

        // Assert
        Assert.Equal(VerdictKind.Breach, verdict.Kind);
        Assert.Equal("0.50 (2 of 4 new instances of the change so far)", Assert.Single(verdict.Evidence).Observed);
    }

    [Fact]
    public void Judge_CrashLoopInALaterBatch_EvidenceNamesTheBatch()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithBatches(2, 3)
            .WithInstances(4, InstanceCondition.Healthy, batch: 1)
            .WithInstances(1, InstanceCondition.CrashLooping, batch: 2)
            .Build();

        // Act
        var verdict = InstanceRules.Judge(snapshot, Policy, RestartBaseline.Empty);

        // Assert
        Assert.Equal("1 of 5 new instances in batch 2 of 3", Assert.Single(verdict.Evidence).Observed);
    }
}
