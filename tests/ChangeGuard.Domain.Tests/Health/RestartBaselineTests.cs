using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Tests.Health;

public sealed class RestartBaselineTests
{
    private static readonly DateTimeOffset WatchStartedAt = SnapshotBuilder.WatchStartedAt;

    [Fact]
    public void Observe_InstanceCreatedBeforeWatch_IsBaselinedAtFirstSight()
    {
        // Arrange
        var early = SnapshotBuilder.EarlyInstance("early", restarts: 5);

        // Act
        var baseline = RestartBaseline.Empty.Observe([early], WatchStartedAt);

        // Assert
        Assert.Equal(5, baseline.Restarts["early"]);
        Assert.Equal(0, baseline.Since(early));
    }

    [Fact]
    public void Observe_LaterSighting_DoesNotOverwriteBaseline()
    {
        // Arrange
        var early = SnapshotBuilder.EarlyInstance("early", restarts: 5);
        var first = RestartBaseline.Empty.Observe([early], WatchStartedAt);
        var later = early with { Restarts = 7 };

        // Act
        var second = first.Observe([later], WatchStartedAt);

        // Assert
        Assert.Equal(5, second.Restarts["early"]);
        Assert.Equal(2, second.Since(later));
    }

    [Fact]
    public void Observe_InstanceCreatedAfterWatch_IsNotBaselined()
    {
        // Arrange
        var fresh = SnapshotBuilder.Instance("fresh", restarts: 3, createdAt: WatchStartedAt.AddSeconds(1));

        // Act
        var baseline = RestartBaseline.Empty.Observe([fresh], WatchStartedAt);

        // Assert
        Assert.False(baseline.Restarts.ContainsKey("fresh"));
        Assert.Equal(3, baseline.Since(fresh));
    }

    [Fact]
    public void Observe_InstanceCreatedExactlyAtWatchStart_StartsFromZero()
    {
        // Arrange
        var fresh = SnapshotBuilder.Instance("fresh", restarts: 2, createdAt: WatchStartedAt);

        // Act
        var baseline = RestartBaseline.Empty.Observe([fresh], WatchStartedAt);

        // Assert
        Assert.Equal(2, baseline.Since(fresh));
    }

    [Fact]
    public void Observe_InstanceWithoutCreationTime_IsBaselined()
    {
        // Arrange
        var unknown = new InstanceHealth("unknown", "v2", InstanceCondition.Healthy, 4, null, null);

        // Act
        var baseline = RestartBaseline.Empty.Observe([unknown], WatchStartedAt);

        // Assert
        Assert.Equal(0, baseline.Since(unknown));
    }

    [Fact]
    public void Observe_NewInstance_LeavesOriginalBaselineUnchanged()
    {
        // Arrange
        var original = RestartBaseline.Empty;

        // Act
        _ = original.Observe([SnapshotBuilder.EarlyInstance("early", restarts: 5)], WatchStartedAt);

        // Assert
        Assert.Empty(original.Restarts);
    }

    [Fact]
    public void Observe_NothingNew_ReturnsSameBaseline()
    {
        // Arrange
        var early = SnapshotBuilder.EarlyInstance("early", restarts: 5);
        var baseline = RestartBaseline.Empty.Observe([early], WatchStartedAt);

        // Act
        var again = baseline.Observe([early with { Restarts = 6 }], WatchStartedAt);

        // Assert
        Assert.Same(baseline, again);
    }

    [Fact]
    public void Since_RestartCountBelowBaseline_IsZero()
    {
        // Arrange
        var early = SnapshotBuilder.EarlyInstance("early", restarts: 5);
        var baseline = RestartBaseline.Empty.Observe([early], WatchStartedAt);

        // Act
        var since = baseline.Since(early with { Restarts = 1 });

        // Assert
        Assert.Equal(0, since);
    }

    [Fact]
    public void Since_UnknownInstance_CountsAllRestarts()
    {
        // Arrange
        var instance = SnapshotBuilder.Instance("unseen", restarts: 4);

        // Act
        var since = RestartBaseline.Empty.Since(instance);

        // Assert
        Assert.Equal(4, since);
    }
}
