using ChangeGuard.Domain.Policies;
using ChangeGuard.Watching;

namespace ChangeGuard.Hosting.Tests;

/// <summary>Signals in the configured default policy reach every watch that does not bring its own.</summary>
public sealed class DefaultSignalsTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sae:Endpoint"] = "http://127.0.0.1:9",
            ["Sae:AccessKeyId"] = "test-key",
            ["Sae:AccessKeySecret"] = "test-secret",
            ["ChangeGuard:Signals:ProbeTargets:0"] = "http://probe.internal/",
            ["ChangeGuard:Signals:Prometheus:arms:Url"] = "http://prometheus.internal/",
            ["ChangeGuard:Policy:Signals:0:Name"] = "smoke",
            ["ChangeGuard:Policy:Signals:0:Http:Url"] = "http://probe.internal/checkout",
            ["ChangeGuard:Policy:Signals:0:Http:JsonPath"] = "{$.ok}",
            ["ChangeGuard:Policy:Signals:0:Http:SuccessCondition"] = "result == true",
            ["ChangeGuard:Policy:Signals:1:Name"] = "error-rate",
            ["ChangeGuard:Policy:Signals:1:Prometheus:Server"] = "arms",
            ["ChangeGuard:Policy:Signals:1:Prometheus:Query"] = "sum(rate(errors{app=\"{{appName}}\"}[1m]))",
            ["ChangeGuard:Policy:Signals:1:Prometheus:Comparison"] = "AtMost",
            ["ChangeGuard:Policy:Signals:1:Prometheus:Threshold"] = "0.05",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static WatchStartRequest Request() => new() { RegionId = "cn-hangzhou", AppId = "app-1", ChangeOrderId = "co-1" };

    [Fact]
    public async Task Validate_SignalsInTheDefaultPolicy_EveryWatchCarriesThem()
    {
        // Arrange
        await using var engine = await EmbeddedEngine.StartAsync(Settings(), verbose: false, CancellationToken.None);

        // Act
        var (input, errors) = engine.Watches.Validate(Request());

        // Assert
        Assert.Empty(errors);
        Assert.Collection(input!.Policy.Signals,
            s => Assert.Equal("http://probe.internal/checkout", s.Http!.Url),
            s => Assert.Equal(SignalComparison.AtMost, s.Prometheus!.Comparison));
    }

    [Fact]
    public async Task StartAsync_DefaultSignalOutsideTheAllowList_StopsNamingTheSetting()
    {
        // Act
        var thrown = await Record.ExceptionAsync(() => EmbeddedEngine.StartAsync(
            Settings(("ChangeGuard:Policy:Signals:0:Http:Url", "http://elsewhere.internal/")), verbose: false, CancellationToken.None));

        // Assert
        Assert.NotNull(thrown);
        Assert.Contains("ChangeGuard:Policy:signals:0:http:url", thrown.Message, StringComparison.OrdinalIgnoreCase);
    }
}
