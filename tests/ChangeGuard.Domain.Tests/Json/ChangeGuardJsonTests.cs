using System.Text.Json;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Json;

public sealed class ChangeGuardJsonTests
{
    [Fact]
    public void Options_FirstUse_IsReadOnly()
    {
        // Arrange
        // (nothing: the options are created on first use)

        // Act
        var options = ChangeGuardJson.Options;

        // Assert
        Assert.True(options.IsReadOnly);
    }

    [Fact]
    public void Serialize_Policy_WritesCamelCaseDurationsAndEnums()
    {
        // Arrange
        var policy = WatchPolicy.Default;

        // Act
        var json = JsonSerializer.Serialize(policy, ChangeGuardJson.Options);

        // Assert
        using var document = JsonDocument.Parse(json);
        Assert.Equal("15s", document.RootElement.GetProperty("pollInterval").GetString());
        Assert.Equal("30m", document.RootElement.GetProperty("timeout").GetString());
        Assert.Equal("abort", document.RootElement.GetProperty("onErrorLimit").GetString());
    }

    [Fact]
    public void Deserialize_Overrides_ReadsDurationsNumbersAndEnums()
    {
        // Arrange
        const string json = """{"pollInterval":"5s","timeout":3600,"onErrorLimit":"stopWatching","failureLimit":3}""";

        // Act
        var overrides = JsonSerializer.Deserialize<WatchPolicyOverrides>(json, ChangeGuardJson.Options);

        // Assert
        Assert.Equal(
            new WatchPolicyOverrides
            {
                PollInterval = TimeSpan.FromSeconds(5),
                Timeout = TimeSpan.FromHours(1),
                OnErrorLimit = OnErrorLimit.StopWatching,
                FailureLimit = 3,
            },
            overrides);
    }

    [Fact]
    public void Deserialize_UnknownField_Throws()
    {
        // Arrange
        const string json = """{"pollIntervall":"5s"}""";

        // Act
        var act = () => JsonSerializer.Deserialize<WatchPolicyOverrides>(json, ChangeGuardJson.Options);

        // Assert
        Assert.Throws<JsonException>(act);
    }

    [Fact]
    public void Deserialize_InvalidDuration_Throws()
    {
        // Arrange
        const string json = """{"pollInterval":"15x"}""";

        // Act
        var act = () => JsonSerializer.Deserialize<WatchPolicyOverrides>(json, ChangeGuardJson.Options);

        // Assert
        Assert.Throws<JsonException>(act);
    }

    [Fact]
    public void Serialize_ThenDeserialize_PolicyRoundTrips()
    {
        // Arrange
        var policy = WatchPolicy.Default with { PollInterval = TimeSpan.FromMilliseconds(1500), InitialDelay = TimeSpan.FromMinutes(90) };

        // Act
        var roundTripped = JsonSerializer.Deserialize<WatchPolicy>(JsonSerializer.Serialize(policy, ChangeGuardJson.Options), ChangeGuardJson.Options);

        // Assert
        Assert.Equal(policy, roundTripped);
    }
}
