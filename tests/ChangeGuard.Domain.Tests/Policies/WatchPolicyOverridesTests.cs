using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Policies;

public sealed class WatchPolicyOverridesTests
{
    [Fact]
    public void ApplyTo_NoOverrides_KeepsDefaults()
    {
        // Arrange
        var overrides = new WatchPolicyOverrides();

        // Act
        var policy = overrides.ApplyTo(WatchPolicy.Default);

        // Assert
        Assert.Equal(WatchPolicy.Default, policy);
    }

    [Fact]
    public void ApplyTo_NoOverrides_KeepsConfiguredDefaults()
    {
        // Arrange
        var configured = WatchPolicy.Default with { FailureLimit = 5, Rollback = false, PollInterval = TimeSpan.FromSeconds(30) };
        var overrides = new WatchPolicyOverrides();

        // Act
        var policy = overrides.ApplyTo(configured);

        // Assert
        Assert.Equal(configured, policy);
    }

    [Fact]
    public void ApplyTo_EveryFieldGiven_AppliesEveryField()
    {
        // Arrange
        var overrides = new WatchPolicyOverrides
        {
            PollInterval = TimeSpan.FromSeconds(5),
            InitialDelay = TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromHours(2),
            FailureLimit = 4,
            ConsecutiveErrorLimit = 8,
            OnErrorLimit = OnErrorLimit.StopWatching,
            MaxUnavailableRatio = 0.5,
            MaxRestarts = 0,
            Rollback = false,
            DryRun = true,
            AbortDeadline = TimeSpan.FromMinutes(1),
            MaxAbortAttempts = 3,
            AbortConfirmTimeout = TimeSpan.FromSeconds(20),
        };
        var expected = new WatchPolicy
        {
            PollInterval = TimeSpan.FromSeconds(5),
            InitialDelay = TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromHours(2),
            FailureLimit = 4,
            ConsecutiveErrorLimit = 8,
            OnErrorLimit = OnErrorLimit.StopWatching,
            MaxUnavailableRatio = 0.5,
            MaxRestarts = 0,
            Rollback = false,
            DryRun = true,
            AbortDeadline = TimeSpan.FromMinutes(1),
            MaxAbortAttempts = 3,
            AbortConfirmTimeout = TimeSpan.FromSeconds(20),
        };

        // Act
        var policy = overrides.ApplyTo(WatchPolicy.Default);

        // Assert
        Assert.Equal(expected, policy);
    }

    [Fact]
    public void ApplyTo_SomeFieldsGiven_AppliesThoseAndKeepsTheRest()
    {
        // Arrange
        var overrides = new WatchPolicyOverrides { FailureLimit = 1, DryRun = true };

        // Act
        var policy = overrides.ApplyTo(WatchPolicy.Default);

        // Assert
        Assert.Equal(WatchPolicy.Default with { FailureLimit = 1, DryRun = true }, policy);
    }

    [Fact]
    public void ApplyTo_FalseAndZeroOverrides_AreAppliedNotIgnored()
    {
        // Arrange
        var overrides = new WatchPolicyOverrides { Rollback = false, MaxRestarts = 0, MaxUnavailableRatio = 0 };

        // Act
        var policy = overrides.ApplyTo(WatchPolicy.Default);

        // Assert
        Assert.Equal(WatchPolicy.Default with { Rollback = false, MaxRestarts = 0, MaxUnavailableRatio = 0 }, policy);
    }

    [Fact]
    public void ApplyTo_NullDefaults_Throws()
    {
        // Arrange
        var overrides = new WatchPolicyOverrides();

        // Act
        var act = () => overrides.ApplyTo(null!);

        // Assert
        Assert.Throws<ArgumentNullException>(act);
    }
}
