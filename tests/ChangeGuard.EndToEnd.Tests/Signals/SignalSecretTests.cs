using System.Text;
using System.Text.Json;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Hosting;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Signals;

namespace ChangeGuard.EndToEnd.Tests.Signals;

/// <summary>
/// A watch whose signals use every kind of secret (a probe header, Prometheus Basic auth, a raw Prometheus token), each
/// recognisable: none reaches a log line, the orchestration's inputs, outputs, custom status or events, or the result.
/// </summary>
public sealed class SignalSecretTests
{
    [Fact]
    public async Task Watch_WithSignalSecrets_PersistsAndLogsNone()
    {
        // Arrange
        var scenario = new ScenarioBuilder().WithTimeScale(10)
            .WithApp("app-1", a => a.WithReplicas(2)
                .WithProbe(new ProbeAnswerDefinition { Json = JsonDocument.Parse("""{"ok":false}""").RootElement.Clone() })
                .WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(2, 600)] }))
            .Build();
        var closed = new Uri("http://127.0.0.1:" + LoopbackPort.Next() + "/");
        var settings = new SignalSettings()
            .Secret("probe-token", SignalSettings.ProbeToken)
            .Prometheus("arms-v2", closed, "LTAI-recognisable-id", SignalSettings.PrometheusPassword)
            .Prometheus("arms-v1", closed, token: SignalSettings.PrometheusToken);
        await using var harness = await GuardHarness.StartAsync(scenario, settings.Build(),
            simulatorSettings: simulator => new SignalSettings().ProbeTarget(simulator.ToString()).Build());
        var signals = new[]
        {
            SignalBuilder.Probe("smoke", new Uri(harness.Simulator.BaseAddress, "apps/app-1/probe").ToString(),
                p => p with { JsonPath = "{$.ok}", SuccessCondition = "result", Headers = [new ProbeHeader { Key = "Authorization", ValueFrom = "probe-token" }] }, failureLimit: 2),
            SignalBuilder.Prometheus("errors-v2", "up", 1, server: "arms-v2", consecutiveErrorLimit: 10),
            SignalBuilder.Prometheus("errors-v1", "up", 1, server: "arms-v1", consecutiveErrorLimit: 10),
        };

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = signals }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains(result.Timeline, d => d.ActionText.Contains("signal errors-v2 error", StringComparison.Ordinal));
        var history = harness.Payloads.AllText;
        var logs = harness.Logs.AllText;
        var output = JsonSerializer.Serialize(result);
        Assert.Contains("probe-token", history, StringComparison.Ordinal);
        foreach (var secret in new[]
        {
            SignalSettings.ProbeToken, SignalSettings.PrometheusPassword, SignalSettings.PrometheusToken,
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"LTAI-recognisable-id:{SignalSettings.PrometheusPassword}")),
        })
        {
            Assert.DoesNotContain(secret, history, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }
}
