using ChangeGuard.Domain.Assessment;

namespace ChangeGuard.Domain.Tests.Assessment;

public sealed class AbortBackoffTests
{
    [Theory]
    [InlineData(1, 1.0, 2.0)]
    [InlineData(2, 1.0, 4.0)]
    [InlineData(3, 1.0, 8.0)]
    [InlineData(4, 1.0, 16.0)]
    [InlineData(1, 0.0, 1.0)]
    [InlineData(2, 0.0, 2.0)]
    [InlineData(3, 0.0, 4.0)]
    [InlineData(4, 0.0, 8.0)]
    public void Delay_Attempt_GrowsExponentially(int attempt, double jitter, double expectedSeconds)
    {
        // Arrange
        var expected = TimeSpan.FromSeconds(expectedSeconds);

        // Act
        var delay = AbortBackoff.Delay(attempt, jitter);

        // Assert
        Assert.Equal(expected, delay);
    }

    [Fact]
    public void Delay_FirstAttemptWithFullJitter_IsTheFirstDelay()
    {
        // Arrange
        const int attempt = 1;

        // Act
        var delay = AbortBackoff.Delay(attempt, jitter: 1);

        // Assert
        Assert.Equal(AbortBackoff.First, delay);
        Assert.Equal(TimeSpan.FromSeconds(2), delay);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    public void Delay_AnyJitter_StaysBetweenHalfAndFullStep(double jitter)
    {
        // Arrange
        const int attempt = 3;

        // Act
        var delay = AbortBackoff.Delay(attempt, jitter);

        // Assert
        Assert.InRange(delay, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
    }

    [Theory]
    [InlineData(-5.0, 1.0)]
    [InlineData(5.0, 2.0)]
    public void Delay_JitterOutsideRange_IsClamped(double jitter, double expectedSeconds)
    {
        // Arrange
        var expected = TimeSpan.FromSeconds(expectedSeconds);

        // Act
        var delay = AbortBackoff.Delay(1, jitter);

        // Assert
        Assert.Equal(expected, delay);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 2.0)]
    [InlineData(3, 4.0)]
    public void Delay_FirstShorterThanTwoSeconds_IsUsed(int attempt, double expectedSeconds)
    {
        // Arrange
        var first = TimeSpan.FromSeconds(1);

        // Act
        var delay = AbortBackoff.Delay(attempt, jitter: 1, first: first);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(15.0)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Delay_FirstNotShorterThanTwoSecondsOrNotPositive_IsIgnored(double firstSeconds)
    {
        // Arrange
        var first = TimeSpan.FromSeconds(firstSeconds);

        // Act
        var delay = AbortBackoff.Delay(1, jitter: 1, first: first);

        // Assert
        Assert.Equal(AbortBackoff.First, delay);
    }

    [Theory]
    [InlineData(7, 1.0)]
    [InlineData(7, 0.0)]
    [InlineData(100, 1.0)]
    [InlineData(100, 0.0)]
    [InlineData(int.MaxValue, 1.0)]
    public void Delay_LargeAttempt_IsCappedAtMax(int attempt, double jitter)
    {
        // Arrange
        var max = TimeSpan.FromSeconds(60);

        // Act
        var delay = AbortBackoff.Delay(attempt, jitter);

        // Assert
        Assert.InRange(delay, TimeSpan.FromSeconds(30), max);
    }

    [Fact]
    public void Delay_LargeAttemptWithFullJitter_IsExactlyMax()
    {
        // Arrange
        const int attempt = 1000;

        // Act
        var delay = AbortBackoff.Delay(attempt, jitter: 1);

        // Assert
        Assert.Equal(AbortBackoff.Max, delay);
        Assert.Equal(TimeSpan.FromSeconds(60), delay);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(5, 1.0)]
    public void Delay_RetryAfterGiven_IsHonoured(int attempt, double jitter)
    {
        // Arrange
        var retryAfter = TimeSpan.FromSeconds(7);

        // Act
        var delay = AbortBackoff.Delay(attempt, jitter, retryAfter);

        // Assert
        Assert.Equal(retryAfter, delay);
    }

    [Fact]
    public void Delay_RetryAfterShorterThanFirst_IsHonoured()
    {
        // Arrange
        var retryAfter = TimeSpan.FromMilliseconds(500);

        // Act
        var delay = AbortBackoff.Delay(1, jitter: 1, retryAfter);

        // Assert
        Assert.Equal(retryAfter, delay);
    }

    [Fact]
    public void Delay_RetryAfterLongerThanMax_IsCappedAtMax()
    {
        // Arrange
        var retryAfter = TimeSpan.FromMinutes(5);

        // Act
        var delay = AbortBackoff.Delay(1, jitter: 0, retryAfter);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(60), delay);
    }

    [Fact]
    public void Delay_RetryAfterZero_FallsBackToBackoff()
    {
        // Arrange
        var retryAfter = TimeSpan.Zero;

        // Act
        var delay = AbortBackoff.Delay(2, jitter: 1, retryAfter);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(4), delay);
    }
}
