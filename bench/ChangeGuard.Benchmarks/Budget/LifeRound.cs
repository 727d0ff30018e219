using ChangeGuard.Hosting;
using ChangeGuard.Simulator;
using ChangeGuard.Watching;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>What a healthy rollout's whole life cost: polls, SAE calls (the start check apart) and how the watch ended.</summary>
/// <param name="Polls">Polls the watch made.</param>
/// <param name="Calls">SAE calls the simulator answered for the watch's app and order, the start check apart.</param>
/// <param name="WatchCalls">SAE calls the watch counted itself (its result's <c>saeCalls</c>).</param>
/// <param name="Outcome">How the watch ended.</param>
/// <param name="CallsByApi">Calls per API.</param>
public sealed record LifeResult(int Polls, int Calls, int WatchCalls, string Outcome, IReadOnlyDictionary<string, int> CallsByApi);

/// <summary>
/// One healthy rollout (<see cref="BudgetScenario.BuildLife"/>) watched alone from its creation to its success, at the
/// suite's scale, under the budget: what a poll costs over a rollout's whole life, not only in steady state.
/// </summary>
public sealed class LifeRound
{
    /// <summary>Longest wait for the rollout to end (its life is about 13 production minutes).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    /// <summary>Runs the round and returns what the life cost.</summary>
    public async Task<LifeResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var simulator = await SaeSimulatorServer.StartAsync(
            new SimulatorOptions { Port = 0, Scenario = BudgetScenario.BuildLife() }, cancellationToken).ConfigureAwait(false);
        await using var engine = await EmbeddedEngine.StartAsync(BenchSettings.For(simulator, BudgetScale.BudgetPerMinute), verbose: false, cancellationToken).ConfigureAwait(false);
        var app = BudgetScenario.HealthyApp(0);
        var order = BudgetScenario.HealthyOrder(0);
        await BudgetWatches.StartAsync(engine.Watches, app, order, cancellationToken, timeout: TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        WatchView? view = null;
        await BoundedWait.UntilAsync(async () =>
        {
            view = await engine.Watches.GetAsync(order, cancellationToken).ConfigureAwait(false);
            return view is { HasEnded: true };
        }, Limit, cancellationToken).ConfigureAwait(false);

        var calls = simulator.Log.Read()
            .Where(c => CallLogStats.OrderOf(c) == order || (c.Parameters.TryGetValue("AppId", out var id) && id == app))
            .ToArray();
        var byApi = calls.GroupBy(c => c.Action, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // The start check (one DescribeChangeOrder before the watch exists) is the lifecycle's, not a poll's.
        return new LifeResult(
            view?.Result?.Polls ?? view?.Status?.Polls ?? 0,
            calls.Length - 1,
            view?.Result?.SaeCalls ?? view?.Status?.SaeCalls ?? 0,
            view?.Result?.Outcome.ToString() ?? "still running",
            byApi);
    }
}
