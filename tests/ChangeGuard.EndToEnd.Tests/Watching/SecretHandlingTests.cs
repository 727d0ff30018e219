using System.Text.Json;
using ChangeGuard.Core.Json;
using ChangeGuard.Core.Watching;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;

namespace ChangeGuard.EndToEnd.Tests.Watching;

/// <summary>The AccessKey secret never reaches persisted orchestration state, custom status or any log line.</summary>
public sealed class SecretHandlingTests
{
    [Fact]
    public async Task Watch_AbortedWithFaults_PersistsAndLogsNoSecret()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder().WithTimeScale(10)
            .WithFaults(new FaultDefinition { ThrottleRatio = 0.2, AbortBusyCount = 1 })
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 10, 2, 600), ChangeOrders.Batch(2)] }))
            .Build());
        var secret = harness.Simulator.Simulator.Options.AccessKeySecret;

        // Act
        await harness.StartWatchAsync("co-1");
        await harness.WaitForResultAsync("co-1");
        var metadata = await harness.Client.GetInstanceAsync(WatchIds.ForChangeOrder("co-1"), getInputsAndOutputs: true);
        var view = await harness.Watches.GetAsync("co-1");

        // Assert
        Assert.NotNull(metadata);
        Assert.DoesNotContain(secret, metadata.SerializedInput ?? string.Empty);
        Assert.DoesNotContain(secret, metadata.SerializedOutput ?? string.Empty);
        Assert.DoesNotContain(secret, metadata.SerializedCustomStatus ?? string.Empty);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(view, ChangeGuardJson.Options));
        Assert.NotEmpty(harness.Logs.Lines);
        Assert.DoesNotContain(secret, harness.Logs.AllText);
        Assert.DoesNotContain("Signature=", harness.Logs.AllText);
    }
}
