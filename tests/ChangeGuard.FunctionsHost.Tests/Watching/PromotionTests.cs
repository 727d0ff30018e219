using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Watching;

/// <summary>A manual release moved forward by the promotion gate, with the orchestration and activity in the host's worker.</summary>
[RequiresFunctionsHost]
[Collection(HostCollection.Name)]
public sealed class PromotionTests(SharedHostedApp shared)
{
    /// <summary>Three manual batches of 20 scenario seconds (2 s) each; nobody else confirms.</summary>
    private static Scenario ManualRelease() => new ScenarioBuilder().WithTimeScale(10)
        .WithApp("app-1", a => a.WithChangeOrder("co-manual", o => o with
        {
            BatchType = BatchMode.Manual,
            Batches = [ChangeOrders.Batch(durationSeconds: 20), ChangeOrders.Batch(durationSeconds: 20), ChangeOrders.Batch(durationSeconds: 20)],
        }))
        .Build();

    [ConditionalFact]
    public async Task Watch_HealthyManualRelease_ConfirmsEachBatchOnceToSuccess()
    {
        // Arrange
        var app = await shared.ResetAsync(ManualRelease());
        var client = app.Client();

        // Act
        await client.StartWatchAsync("app-1", "co-manual", """{"pollInterval":"1s","timeout":"5m","promote":{"bakeTime":"2s","minHealthyPolls":2}}""");
        var watch = await client.WaitForEndAsync("co-manual", TimeSpan.FromMinutes(3));

        // Assert
        Assert.Equal("succeeded", FunctionsHostClient.Outcome(watch));
        Assert.Equal(
            [(2, "confirmed"), (3, "confirmed")],
            watch.GetProperty("outcome").GetProperty("promotions").EnumerateArray().Select(p => (p.GetProperty("batch").GetInt32(), p.GetProperty("result").GetString())));
        Assert.Equal([(2, BatchConfirmation.Api), (3, BatchConfirmation.Api)],
            app.Simulator.Simulator.World.Confirmations("co-manual").Select(c => (c.Batch, c.By)));
    }
}
