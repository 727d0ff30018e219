using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Policies;

public sealed class WatchPolicyTests
{
    [Fact]
    public void Validate_Defaults_HasNoErrors()
    {
        // Arrange
        var policy = WatchPolicy.Default;

        // Act
        var errors = policy.Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Default_Values_AreTheDocumentedOnes()
    {
        // Arrange
        var expected = new
        {
            PollInterval = TimeSpan.FromSeconds(15),
            InitialDelay = TimeSpan.Zero,
            Timeout = TimeSpan.FromMinutes(30),
            FailureLimit = 2,
            ConsecutiveErrorLimit = 4,
            OnErrorLimit = OnErrorLimit.Abort,
            MaxUnavailableRatio = 0.25,
            MaxRestarts = 3,
            Rollback = true,
            DryRun = false,
        };

        // Act
        var policy = WatchPolicy.Default;

        // Assert
        Assert.Equal(expected, new
        {
            policy.PollInterval,
            policy.InitialDelay,
            policy.Timeout,
            policy.FailureLimit,
            policy.ConsecutiveErrorLimit,
            policy.OnErrorLimit,
            policy.MaxUnavailableRatio,
            policy.MaxRestarts,
            policy.Rollback,
            policy.DryRun,
        });
    }

    [Fact]
    public void Default_IsANewPolicy()
    {
        // Arrange
        var fresh = new WatchPolicy();

        // Act
        var equal = WatchPolicy.Default == fresh;

        // Assert
        Assert.True(equal);
    }

    [Theory]
    [InlineData("pollInterval", 0.5)]
    [InlineData("pollInterval", 660.0)]
    [InlineData("initialDelay", -1.0)]
    [InlineData("initialDelay", 3601.0)]
    [InlineData("timeout", 90_000.0)]
    [InlineData("timeout", 10.0)]
    [InlineData("failureLimit", 0.0)]
    [InlineData("failureLimit", 101.0)]
    [InlineData("consecutiveErrorLimit", 0.0)]
    [InlineData("consecutiveErrorLimit", 101.0)]
    [InlineData("onErrorLimit", 7.0)]
    [InlineData("maxUnavailableRatio", 1.5)]
    [InlineData("maxUnavailableRatio", -0.1)]
    [InlineData("maxRestarts", -1.0)]
    [InlineData("maxRestarts", 1001.0)]
    [InlineData("abortDeadline", 1.0)]
    [InlineData("abortDeadline", 3601.0)]
    [InlineData("maxAbortAttempts", 0.0)]
    [InlineData("maxAbortAttempts", 51.0)]
    [InlineData("abortConfirmTimeout", 5.0)]
    [InlineData("abortConfirmTimeout", 3601.0)]
    [InlineData("promote.bakeTime", -1.0)]
    [InlineData("promote.bakeTime", 86_401.0)]
    [InlineData("promote.minHealthyPolls", 0.0)]
    [InlineData("promote.minHealthyPolls", 1001.0)]
    [InlineData("promote.lastBatch", -101.0)]
    [InlineData("promote.lastBatch", 101.0)]
    public void Validate_FieldOutOfRange_NamesTheField(string field, double value)
    {
        // Arrange
        var policy = WithField(field, value);

        // Act
        var errors = policy.Validate();

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal($"policy.{field}", error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("pollInterval", 1.0)]
    [InlineData("pollInterval", 600.0)]
    [InlineData("initialDelay", 3600.0)]
    [InlineData("timeout", 86_400.0)]
    [InlineData("timeout", 15.0)]
    [InlineData("failureLimit", 1.0)]
    [InlineData("failureLimit", 100.0)]
    [InlineData("consecutiveErrorLimit", 100.0)]
    [InlineData("onErrorLimit", 1.0)]
    [InlineData("maxUnavailableRatio", 0.0)]
    [InlineData("maxUnavailableRatio", 1.0)]
    [InlineData("maxRestarts", 0.0)]
    [InlineData("maxRestarts", 1000.0)]
    [InlineData("abortDeadline", 10.0)]
    [InlineData("abortDeadline", 3600.0)]
    [InlineData("maxAbortAttempts", 50.0)]
    [InlineData("abortConfirmTimeout", 10.0)]
    [InlineData("promote.bakeTime", 0.0)]
    [InlineData("promote.bakeTime", 86_400.0)]
    [InlineData("promote.minHealthyPolls", 1.0)]
    [InlineData("promote.lastBatch", -100.0)]
    [InlineData("promote.lastBatch", 100.0)]
    public void Validate_FieldAtBound_HasNoErrors(string field, double value)
    {
        // Arrange
        var policy = WithField(field, value);

        // Act
        var errors = policy.Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_PromotionWithABakeAsLongAsTheTimeout_NamesTheBakeTime()
    {
        // Arrange
        var policy = WatchPolicy.Default with { Timeout = TimeSpan.FromMinutes(10), Promote = new PromotePolicy { Enabled = true, BakeTime = TimeSpan.FromMinutes(10) } };

        // Act
        var errors = policy.Validate();

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("policy.promote.bakeTime", "must be shorter than timeout (10m), or no batch could ever be promoted"), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_PromotionOffWithALongBakeTime_HasNoErrors()
    {
        // Arrange
        var policy = WatchPolicy.Default with { Timeout = TimeSpan.FromMinutes(10), Promote = new PromotePolicy { BakeTime = TimeSpan.FromHours(1) } };

        // Act
        var errors = policy.Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_WithPrefix_NamesFieldsUnderPrefix()
    {
        // Arrange
        var policy = WatchPolicy.Default with { FailureLimit = 0 };

        // Act
        var errors = policy.Validate("defaults");

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal("defaults.failureLimit", error.Field);
    }

    [Fact]
    public void Validate_SeveralFieldsOutOfRange_ReportsEach()
    {
        // Arrange
        var policy = WatchPolicy.Default with { FailureLimit = 0, MaxRestarts = -1, MaxUnavailableRatio = 2 };

        // Act
        var errors = policy.Validate();

        // Assert
        Assert.Equal(["policy.failureLimit", "policy.maxUnavailableRatio", "policy.maxRestarts"], errors.Select(e => e.Field));
    }

    private static WatchPolicy WithField(string field, double value)
    {
        var policy = WatchPolicy.Default;
        return field switch
        {
            "pollInterval" => policy with { PollInterval = TimeSpan.FromSeconds(value) },
            "initialDelay" => policy with { InitialDelay = TimeSpan.FromSeconds(value) },
            "timeout" => policy with { Timeout = TimeSpan.FromSeconds(value) },
            "failureLimit" => policy with { FailureLimit = (int)value },
            "consecutiveErrorLimit" => policy with { ConsecutiveErrorLimit = (int)value },
            "onErrorLimit" => policy with { OnErrorLimit = (OnErrorLimit)(int)value },
            "maxUnavailableRatio" => policy with { MaxUnavailableRatio = value },
            "maxRestarts" => policy with { MaxRestarts = (int)value },
            "abortDeadline" => policy with { AbortDeadline = TimeSpan.FromSeconds(value) },
            "maxAbortAttempts" => policy with { MaxAbortAttempts = (int)value },
            "abortConfirmTimeout" => policy with { AbortConfirmTimeout = TimeSpan.FromSeconds(value) },
            "promote.bakeTime" => policy with { Promote = policy.Promote with { BakeTime = TimeSpan.FromSeconds(value) } },
            "promote.minHealthyPolls" => policy with { Promote = policy.Promote with { MinHealthyPolls = (int)value } },
            "promote.lastBatch" => policy with { Promote = policy.Promote with { LastBatch = (int)value } },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such policy field"),
        };
    }
}
