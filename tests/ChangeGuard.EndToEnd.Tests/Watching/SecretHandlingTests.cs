using System.Text.Json;
using ChangeGuard.Domain.Json;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching;

namespace ChangeGuard.EndToEnd.Tests.Watching;

/// <summary>
/// A full run with a recognisable AccessKey secret and STS token: neither reaches logs, custom status, outputs, the
/// API's answers, or the orchestration history.
/// </summary>
public sealed class SecretHandlingTests
{
    private const string Token = "STS-TOKEN-recognisable-7f3a9c";

    [Fact]
    public async Task Watch_AbortedWithFaults_PersistsAndLogsNoSecret()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder().WithTimeScale(10)
            .WithFaults(new FaultDefinition { ThrottleRatio = 0.2, AbortBusyCount = 1 })
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 10, 2, 600), ChangeOrders.Batch(2)] }))
            .Build(), securityToken: Token);
        var secret = harness.Simulator.Simulator.Options.AccessKeySecret;

        // Act
        await harness.StartWatchAsync("co-1");
        await harness.WaitForResultAsync("co-1");
        var metadata = await harness.Client.GetInstanceAsync(WatchIds.ForChangeOrder("co-1"), getInputsAndOutputs: true);
        var view = await harness.Watches.GetAsync("co-1");
        var history = harness.Payloads.AllText;

        // Assert
        Assert.NotNull(metadata);
        foreach (var text in new[] { metadata.SerializedInput, metadata.SerializedOutput, metadata.SerializedCustomStatus, JsonSerializer.Serialize(view, ChangeGuardJson.Options), history, harness.Logs.AllText })
        {
            Assert.DoesNotContain(secret, text ?? string.Empty);
            Assert.DoesNotContain(Token, text ?? string.Empty);
        }

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.DoesNotContain("Signature=", harness.Logs.AllText);
        Assert.Contains("app-1", history);
        Assert.Contains("unavailableRatio", history);
    }
}
