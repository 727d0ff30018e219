using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;
using ChangeGuard.Watching.Guard;

namespace ChangeGuard.FunctionsHost.Tests.Guard;

/// <summary>The RollbackGuard timer, fired by the host on a short schedule, adopting an order nobody watches.</summary>
[RequiresFunctionsHost]
public sealed class RollbackGuardTimerTests
{
    [ConditionalFact]
    public async Task Timer_UnwatchedRunningOrder_IsAdoptedByTheGuard()
    {
        // Arrange
        var scenario = new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-unwatched", o => o with { Batches = [ChangeOrders.Batch(2, 36_000)] }))
            .Build();
        await using var app = await HostedApp.StartAsync(scenario, s => s.WithGuard("*/2 * * * * *", ("cn-hangzhou", "app-1")));
        var client = app.Client();

        // Act
        var adopted = await client.WaitForWatchAsync("co-unwatched", TimeSpan.FromMinutes(1));

        // Assert
        Assert.Equal(RollbackGuard.Actor, adopted.GetProperty("requestedBy").GetString());
        Assert.Contains("Executed 'Functions.RollbackGuard' (Succeeded", app.Output, StringComparison.Ordinal);
    }
}
