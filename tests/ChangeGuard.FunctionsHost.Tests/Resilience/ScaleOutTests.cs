using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Resilience;

/// <summary>Two hosts on one task hub, as a scaled-out app in Azure: they share the watches' work, each order is aborted once.</summary>
[RequiresFunctionsHost]
public sealed class ScaleOutTests
{
    private const int Orders = 8;

    /// <summary>Eight apps, each with an order whose first batch turns unhealthy 4 s in.</summary>
    private static Scenario BadRollouts()
    {
        var builder = new ScenarioBuilder().WithTimeScale(10);
        for (var i = 0; i < Orders; i++)
        {
            builder.WithApp($"app-{i}", a => a.WithChangeOrder($"co-{i}", o => o with
            {
                Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 2, fromSecond: 40, instances: 2, durationSeconds: 36_000), ChangeOrders.Batch(2)],
            }));
        }

        return builder.Build();
    }

    /// <summary>How many orchestrator episodes and activities of the watches a host ran.</summary>
    private static int WatchWork(FunctionsHostProcess host) =>
        new[] { "WatchOrchestrator", "ReadHealthActivity", "AbortChangeOrderActivity", "ConfirmAbortActivity" }
            .Sum(function => host.Count($"Executed 'Functions.{function}' (Succeeded"));

    [ConditionalFact]
    public async Task TwoHosts_OneTaskHub_ShareTheWatchesAndAbortEachOrderOnce()
    {
        // Arrange
        await using var app = await HostedApp.StartAsync(BadRollouts(), hosts: 2);
        var clients = app.Hosts.Select(app.Client).ToArray();
        await TaskHubPartitions.WaitUntilSharedAsync(app.Storage.ConnectionString, HostedApp.TaskHub, app.Hosts.Select(h => h.WorkerId).ToArray(), TimeSpan.FromMinutes(2));

        // Act
        for (var i = 0; i < Orders; i++)
        {
            await clients[i % 2].StartWatchAsync($"app-{i}", $"co-{i}");
        }

        var watches = await Task.WhenAll(Enumerable.Range(0, Orders).Select(i => clients[(i + 1) % 2].WaitForEndAsync($"co-{i}", TimeSpan.FromMinutes(3))));

        // Assert
        Assert.All(watches, w => Assert.Equal("aborted", FunctionsHostClient.Outcome(w)));
        var applied = app.Simulator.Simulator.Log.Read("AbortChangeOrder").Where(e => e.AbortApplied == true).ToArray();
        Assert.Equal(Orders, applied.Length);
        Assert.Equal(Orders, applied.Select(e => e.Parameters["ChangeOrderId"]).Distinct().Count());
        Assert.All(app.Hosts, h => Assert.True(WatchWork(h) > 0, "a host ran no part of any watch"));
    }
}
