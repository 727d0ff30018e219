using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Watching;

/// <summary>A bad rollout on the simulator, caught and aborted by the orchestration running in the host's worker.</summary>
[RequiresFunctionsHost]
[Collection(HostCollection.Name)]
public sealed class BadRolloutTests(SharedHostedApp shared)
{
    /// <summary>The first batch's two new instances turn unhealthy 3 s in; the order would run for an hour.</summary>
    private static Scenario BadFirstBatch() => new ScenarioBuilder().WithTimeScale(10)
        .WithApp("app-1", a => a.WithChangeOrder("co-bad", o => o with
        {
            Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 2, fromSecond: 30, instances: 2, durationSeconds: 36_000), ChangeOrders.Batch(2)],
        }))
        .Build();

    [ConditionalFact]
    public async Task Watch_BadBatch_AbortsTheOrderOnce()
    {
        // Arrange
        var app = await shared.ResetAsync(BadFirstBatch());
        var client = app.Client();

        // Act
        await client.StartWatchAsync("app-1", "co-bad");
        var watch = await client.WaitForEndAsync("co-bad", TimeSpan.FromMinutes(2));

        // Assert
        Assert.Equal("aborted", FunctionsHostClient.Outcome(watch));
        Assert.Single(app.Simulator.Simulator.Log.Read("AbortChangeOrder"), e => e.AbortApplied == true);
    }

    [ConditionalFact]
    public async Task Watch_BadBatch_NeverShowsTheSecretInLogsOrTheInstance()
    {
        // Arrange
        var app = await shared.ResetAsync(BadFirstBatch());
        var client = app.Client();
        await client.StartWatchAsync("app-1", "co-bad");
        await client.WaitForEndAsync("co-bad", TimeSpan.FromMinutes(2));

        // Act
        var instance = await client.SendAsync(HttpMethod.Get, "/runtime/webhooks/durabletask/instances/watch-co-bad?showHistory=true&showHistoryOutput=true&showInput=true", key: client.Keys.Master);

        // Assert
        Assert.Equal(200, instance.Status);
        Assert.DoesNotContain(app.Secret, instance.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Secret, app.Output, StringComparison.Ordinal);
    }
}
