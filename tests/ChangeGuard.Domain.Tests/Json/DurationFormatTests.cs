using ChangeGuard.Domain.Json;

namespace ChangeGuard.Domain.Tests.Json;

public sealed class DurationFormatTests
{
    [Theory]
    [InlineData("15s", 15_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("PT15S", 15_000)]
    [InlineData("00:00:15", 15_000)]
    [InlineData("15", 15_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1d", 86_400_000)]
    [InlineData("  15s  ", 15_000)]
    [InlineData("15S", 15_000)]
    [InlineData("P1Y", 31_536_000_000)]
    [InlineData("p1d", 86_400_000)]
    public void TryParse_ValidDuration_ReturnsValue(string text, long expectedMilliseconds)
    {
        // Arrange
        var expected = TimeSpan.FromMilliseconds(expectedMilliseconds);

        // Act
        var parsed = DurationFormat.TryParse(text, out var value);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("15x")]
    [InlineData("-")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("P")]
    public void TryParse_NotADuration_ReturnsFalse(string? text)
    {
        // Arrange
        // (the text comes from the theory data)

        // Act
        var parsed = DurationFormat.TryParse(text, out var value);

        // Assert
        Assert.False(parsed);
        Assert.Equal(TimeSpan.Zero, value);
    }

    /// <summary>Text shaped like a duration whose value no <see cref="TimeSpan"/> holds, in every format TryParse reads.</summary>
    public static TheoryData<string> OutOfRange() =>
    [
        "1e308",
        "-1e308",
        "1e400",
        "-1e400",
        "NaN",
        "-NaN",
        "Infinity",
        "-Infinity",
        "\u221e",
        "1" + new string('0', 400),
        "99999999999999999999d",
        "-99999999999999999999d",
        "9999999999999h",
        "1" + new string('0', 400) + "ms",
        "99999999999999999999d99999999999999999999d",
        "\u0663s",
        "P99999999D",
        "p99999999d",
        "P10675200D",
        "P99999Y",
        "P99999999999999999999Y",
        "PT9999999999999999999999S",
        "PT1E308S",
        "-P99999999D",
        "10675199.02:48:05.4775808",
        "-10675199.02:48:05.4775808",
        "-10675199.02:48:05.4775809",
        "99999999:00:00",
        "99999999.00:00:00",
    ];

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void TryParse_OutOfRange_ReturnsFalseWithoutThrowing(string text)
    {
        // Arrange
        // (the text comes from the theory data)

        // Act
        var parsed = DurationFormat.TryParse(text, out var value);

        // Assert
        Assert.False(parsed);
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Theory]
    [InlineData("P10675199D", 10_675_199 * TimeSpan.TicksPerDay)]
    [InlineData("10675199.02:48:05.4775807", long.MaxValue)]
    [InlineData("-10675199.02:48:05.4775807", -long.MaxValue)]
    [InlineData("460000000000", 460_000_000_000 * TimeSpan.TicksPerSecond)]
    public void TryParse_NearTheLimit_ReturnsValue(string text, long expectedTicks)
    {
        // Arrange
        var expected = TimeSpan.FromTicks(expectedTicks);

        // Act
        var parsed = DurationFormat.TryParse(text, out var value);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(15_000, "15s")]
    [InlineData(120_000, "2m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(500, "500ms")]
    [InlineData(0, "0s")]
    [InlineData(90_061_001, "1d1h1m1s1ms")]
    public void Format_Duration_IsCompact(long milliseconds, string expected)
    {
        // Arrange
        var value = TimeSpan.FromMilliseconds(milliseconds);

        // Act
        var text = DurationFormat.Format(value);

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData(15_000)]
    [InlineData(120_000)]
    [InlineData(5_400_000)]
    [InlineData(500)]
    [InlineData(0)]
    public void Format_ThenTryParse_RoundTrips(long milliseconds)
    {
        // Arrange
        var value = TimeSpan.FromMilliseconds(milliseconds);

        // Act
        var parsed = DurationFormat.TryParse(DurationFormat.Format(value), out var roundTripped);

        // Assert
        Assert.True(parsed);
        Assert.Equal(value, roundTripped);
    }

    [Theory]
    [InlineData(1_319.9499, "1.3s")]
    [InlineData(249.6, "250ms")]
    [InlineData(9_960, "10s")]
    [InlineData(44_700, "45s")]
    [InlineData(125_400, "2m5s")]
    [InlineData(-1_319.9499, "-1.3s")]
    public void Rounded_MeasuredDuration_PrintsRounded(double milliseconds, string expected)
    {
        // Act
        var text = DurationFormat.Rounded(TimeSpan.FromMilliseconds(milliseconds));

        // Assert
        Assert.Equal(expected, text);
    }
}
