using ChangeGuard.Domain.Assessment;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;

namespace ChangeGuard.EndToEnd.Tests.Budget;

/// <summary>
/// Many watches against SAE's account-wide limit. The test plays SAE's minute ten times faster: the simulator allows
/// 600 calls a minute instead of 60, the budget is 500 instead of 50, polls are every 1.5 s instead of 15 s and
/// rollouts play at ten times speed; every ratio stays as in production.
/// </summary>
public sealed class CallBudgetTests
{
    private const int Watches = 40;
    private const int Budget = 500;

    [Fact]
    public async Task FortyWatches_FiveBad_AbortEveryBadOneWithinTheBudget()
    {
        // Arrange
        var bad = new HashSet<int> { 3, 11, 19, 27, 35 };
        var scenario = new ScenarioBuilder().WithTimeScale(10).WithRateLimit(600);
        for (var i = 0; i < Watches; i++)
        {
            var isBad = bad.Contains(i);
            scenario.WithApp($"app-{i}", a => a.WithChangeOrder($"co-{i}", o => isBad
                ? o with { Batches = [ChangeOrders.UnhealthyBatch(2, 10, 2, 600), ChangeOrders.Batch(2)] }
                : o with { Batches = [ChangeOrders.Batch(2, 60), ChangeOrders.Batch(2, 60)] }));
        }

        await using var harness = await GuardHarness.StartAsync(scenario.Build(), new Dictionary<string, string?>
        {
            ["Sae:Budget:CallsPerMinute"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // Act
        for (var i = 0; i < Watches; i++)
        {
            await harness.StartWatchAsync($"co-{i}", Policies.Fast(p => p with { PollInterval = TimeSpan.FromSeconds(1.5), Timeout = TimeSpan.FromMinutes(5) }), appId: $"app-{i}");
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Watches).Select(i => harness.WaitForResultAsync($"co-{i}", TimeSpan.FromMinutes(4))));

        // Assert
        for (var i = 0; i < Watches; i++)
        {
            Assert.Equal(bad.Contains(i) ? WatchOutcome.Aborted : WatchOutcome.Succeeded, results[i].Outcome);
        }

        var calls = harness.Simulator.Simulator.Log.Read();
        var throttled = calls.Count(c => c.Code == SaeErrorCodes.ThrottlingUser);
        Assert.True(throttled <= calls.Count / 100, $"{throttled} of {calls.Count} calls throttled");
        var times = calls.Select(c => c.At).Order().ToArray();
        for (var i = 0; i < times.Length; i++)
        {
            var inMinute = times.Count(t => t > times[i] - TimeSpan.FromMinutes(1) && t <= times[i]);
            Assert.True(inMinute <= Budget, $"{inMinute} calls in the minute ending at call {i}");
        }
    }
}
