using System.Text.Json;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Json;

public sealed class DurationJsonConverterTests
{
    [Theory]
    [InlineData("1e308")]
    [InlineData("-1e308")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("461168601843")]
    [InlineData("\"P99999999D\"")]
    [InlineData("\"P10675200D\"")]
    [InlineData("\"99999999999999999999d\"")]
    [InlineData("\"10675199.02:48:05.4775808\"")]
    [InlineData("\"-10675199.02:48:05.4775808\"")]
    [InlineData("\"1e308\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("\"soon\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Read_NotADuration_ThrowsOnlyJsonException(string json)
    {
        // Arrange
        // (the JSON comes from the theory data)

        // Act
        Action act = () => JsonSerializer.Deserialize<TimeSpan>(json, ChangeGuardJson.Options);

        // Assert
        Assert.Throws<JsonException>(act);
    }

    [Theory]
    [InlineData("15", 15_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("-5", -5_000)]
    [InlineData("\"2m\"", 120_000)]
    [InlineData("\"PT15S\"", 15_000)]
    public void Read_Duration_ReturnsValue(string json, long expectedMilliseconds)
    {
        // Arrange
        var expected = TimeSpan.FromMilliseconds(expectedMilliseconds);

        // Act
        var value = JsonSerializer.Deserialize<TimeSpan>(json, ChangeGuardJson.Options);

        // Assert
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("""{"timeout":1e308}""", "$.timeout")]
    [InlineData("""{"pollInterval":"P99999999D"}""", "$.pollInterval")]
    [InlineData("""{"signals":[{"name":"errors","prometheus":{"query":"up","window":-1e308}}]}""", "$.signals[0].prometheus.window")]
    public void Deserialize_AbsurdDuration_ThrowsWithThePathOfTheField(string json, string expectedPath)
    {
        // Arrange
        // (the JSON comes from the theory data)

        // Act
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WatchPolicyOverrides>(json, ChangeGuardJson.Options));

        // Assert
        Assert.Equal(expectedPath, error.Path);
    }
}
