using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Resilience;

/// <summary>
/// <c>kill -9</c> of the host and its worker in the middle of a watch: the watch lives in the task hub, so a new host
/// on the same hub resumes it, and the order is aborted once.
/// </summary>
[RequiresFunctionsHost]
public sealed class HostCrashTests
{
    /// <summary>An order whose first batch turns unhealthy 20 s after the scenario loads and would otherwise run for hours.</summary>
    private static Scenario TurnsBadLater() => new ScenarioBuilder()
        .WithApp("app-1", a => a.WithChangeOrder("co-crash", o => o with
        {
            Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 2, fromSecond: 20, instances: 2, durationSeconds: 36_000), ChangeOrders.Batch(2)],
        }))
        .Build();

    [ConditionalFact]
    public async Task Kill_MidWatch_RestartedHostResumesAndAbortsOnce()
    {
        // Arrange
        await using var app = await HostedApp.StartAsync(TurnsBadLater());
        var first = app.Hosts[0];
        await app.Client(first).StartWatchAsync("app-1", "co-crash");
        await app.Client(first).WaitForPollsAsync("co-crash", 2, TimeSpan.FromMinutes(1));

        // Act
        first.Kill();
        var abortsBeforeRestart = app.Simulator.Simulator.Log.Read("AbortChangeOrder").Count;
        var second = await app.StartHostAsync();
        var watch = await app.Client(second).WaitForEndAsync("co-crash", TimeSpan.FromMinutes(3));

        // Assert
        Assert.Equal(0, abortsBeforeRestart);
        Assert.Equal("aborted", FunctionsHostClient.Outcome(watch));
        Assert.Single(app.Simulator.Simulator.Log.Read("AbortChangeOrder"), e => e.AbortApplied == true);
    }
}
