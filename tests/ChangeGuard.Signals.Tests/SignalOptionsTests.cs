using ChangeGuard.Domain.Policies;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Signals.Tests;

public sealed class SignalOptionsTests
{
    private static SignalOptions Configured() => new()
    {
        Prometheus = new(StringComparer.OrdinalIgnoreCase) { ["arms"] = new PrometheusServerOptions { Url = new Uri("https://cn-hangzhou.arms.aliyuncs.com:9443/api/v1/prometheus/x"), Username = "id", Password = "secret" } },
        Secrets = new(StringComparer.OrdinalIgnoreCase) { ["gate-token"] = "token" },
        ProbeTargets = ["https://gate.example.com/checks/"],
    };

    [Fact]
    public void Check_ConfiguredNames_HasNoErrors()
    {
        // Arrange
        var signals = new[]
        {
            SignalBuilder.Prometheus("errors", "up", 1),
            SignalBuilder.Probe("gate", "https://gate.example.com/checks/a", p => p with { Headers = [new ProbeHeader { Key = "Authorization", ValueFrom = "gate-token" }] }),
        };

        // Act
        var errors = Configured().Check(signals, "policy.signals");

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Check_UnknownServerSecretAndTarget_NamesEachField()
    {
        // Arrange
        var signals = new[]
        {
            SignalBuilder.Prometheus("errors", "up", 1, server: "other"),
            SignalBuilder.Probe("gate", "http://10.0.0.5:8080/admin", p => p with { Headers = [new ProbeHeader { Key = "X-Token", ValueFrom = "nope" }] }),
        };

        // Act
        var errors = Configured().Check(signals, "policy.signals");

        // Assert
        Assert.Equal(
            ["policy.signals[0].prometheus.server", "policy.signals[1].http.url", "policy.signals[1].http.headers[0].valueFrom"],
            errors.Select(e => e.Field));
        Assert.Contains("not under an allowed probe target", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadConfiguration_NamesTheSettings()
    {
        // Arrange
        var options = new SignalOptions
        {
            Prometheus = new(StringComparer.OrdinalIgnoreCase) { ["p"] = new PrometheusServerOptions { Url = new Uri("https://u:p@prom/"), Token = "t", Password = "x" } },
            ProbeTargets = ["not a url"],
        };

        // Act
        var fields = options.Validate().Select(e => e.Field).ToArray();

        // Assert
        Assert.Contains("ChangeGuard:Signals:Prometheus:p:Url", fields);
        Assert.Contains("ChangeGuard:Signals:Prometheus:p:Token", fields);
        Assert.Contains("ChangeGuard:Signals:Prometheus:p:Username", fields);
        Assert.Contains("ChangeGuard:Signals:ProbeTargets:0", fields);
    }

    [Fact]
    public void ToString_ServerWithPassword_NeverShowsIt()
    {
        // Arrange
        var server = Configured().Prometheus["arms"];

        // Act
        var text = server.ToString();

        // Assert
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }
}
