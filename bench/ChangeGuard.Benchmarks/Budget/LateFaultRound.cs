using System.Diagnostics;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Hosting;
using ChangeGuard.Simulator;
using ChangeGuard.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>
/// One round of faults late in a rollout's life: <c>watches</c> long rollouts, all watched from the round's start and
/// brought to steady state (every watch has polled twice); then <c>bad</c> of them, chosen and timed at random with
/// <c>seed</c>, turn unhealthy somewhere in the next ten production minutes. The round ends when every bad one has
/// been aborted (or the bound passes). A healthy order aborted is a false abort. With <c>probe</c>, every watch also
/// has an HTTP probe signal (the app's own gate, no SAE call) that answers 503 from the moment its app goes bad.
/// </summary>
public sealed class LateFaultRound(int watches, int bad, int seed, bool probe = false)
{
    /// <summary>Longest wait, after the last fault, for every bad rollout's abort (60 real s: ten production minutes).</summary>
    public static readonly TimeSpan DetectionLimit = TimeSpan.FromSeconds(60);

    /// <summary>A Flagger-style gate on the app's probe endpoint: 2xx passes, anything else fails.</summary>
    private static SignalDefinition Gate(Uri simulator, string appId) => new()
    {
        Name = "gate",
        Http = new HttpProbeSignal { Url = new Uri(simulator, $"apps/{appId}/probe").ToString(), StatusOnly = true, TimeoutSeconds = 2 },
    };

    /// <summary>Runs the round and returns what it measured.</summary>
    public async Task<RoundResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var faults = Enumerable.Range(0, watches).OrderBy(_ => random.Next()).Take(bad)
            .ToDictionary(i => i, _ => BudgetScenario.LateFaultFrom(watches) + (random.NextDouble() * BudgetScenario.LateFaultWindow));
        await using var simulator = await SaeSimulatorServer.StartAsync(
            new SimulatorOptions { Port = 0, Scenario = BudgetScenario.BuildLate(watches, faults, probe) }, cancellationToken).ConfigureAwait(false);
        var settings = BenchSettings.For(simulator, BudgetScale.BudgetPerMinute);
        settings["ChangeGuard:Signals:ProbeTargets:0"] = new Uri(simulator.BaseAddress, "apps/").ToString();
        await using var engine = await EmbeddedEngine.StartAsync(settings, verbose: false, cancellationToken).ConfigureAwait(false);
        var api = engine.Watches;
        var log = simulator.Log;
        var orders = Enumerable.Range(0, watches).Select(BudgetScenario.HealthyOrder).ToArray();
        var badOrders = faults.Keys.Select(BudgetScenario.HealthyOrder).ToHashSet(StringComparer.Ordinal);
        var faultTimes = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var aborts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var roundStarted = DateTimeOffset.UtcNow;
        TimeSpan warmUp;
        IReadOnlyList<TimeSpan> advised;
        try
        {
            var warmUpStarted = Stopwatch.GetTimestamp();
            for (var i = 0; i < watches; i++)
            {
                IReadOnlyList<SignalDefinition>? signals = probe ? [Gate(simulator.BaseAddress, BudgetScenario.HealthyApp(i))] : null;
                await BudgetWatches.StartAsync(api, BudgetScenario.HealthyApp(i), orders[i], cancellationToken, signals: signals).ConfigureAwait(false);
            }

            if (!await BudgetWatches.UntilPolledAsync(api, orders, 2, BudgetRound.WarmUpLimit, cancellationToken).ConfigureAwait(false))
            {
                Console.Error.WriteLine($"Budget: the {watches} watches had not all polled twice after {BudgetRound.WarmUpLimit.TotalSeconds:0} s.");
            }

            warmUp = Stopwatch.GetElapsedTime(warmUpStarted);
            var lastFault = roundStarted + TimeSpan.FromSeconds((BudgetScenario.LateFaultFrom(watches) + BudgetScenario.LateFaultWindow) / BudgetScale.TimeScale);
            await BoundedWait.UntilAsync(() =>
            {
                foreach (var entry in log.Read("AbortChangeOrder"))
                {
                    if (CallLogStats.OrderOf(entry) is { } id && !aborts.ContainsKey(id))
                    {
                        aborts[id] = entry.At;
                    }
                }

                return badOrders.All(aborts.ContainsKey);
            }, lastFault - DateTimeOffset.UtcNow + DetectionLimit, cancellationToken).ConfigureAwait(false);

            foreach (var id in badOrders)
            {
                if (simulator.World.FaultAppearsAt(id) is { } at)
                {
                    faultTimes[id] = at;
                }
            }

            advised = await BudgetWatches.AdvisedIntervalsAsync(api, orders.Where(o => !badOrders.Contains(o)), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await BudgetWatches.StopAllAsync(api, orders).ConfigureAwait(false);
        }

        var calls = log.Read();
        var latencies = badOrders.Where(id => aborts.ContainsKey(id) && faultTimes.ContainsKey(id)).Select(id => aborts[id] - faultTimes[id]).ToArray();
        return new RoundResult
        {
            Latencies = latencies,
            Missed = badOrders.Count - latencies.Length,
            FalseAborts = aborts.Keys.Count(id => !badOrders.Contains(id)),
            FirstPollAfterFault = faultTimes.Values.Count(at => at < roundStarted + warmUp),
            AdvisedIntervals = advised,
            BadPollGaps = [.. badOrders.SelectMany(id => CallLogStats.Gaps(CallLogStats.PollTimes(calls, BudgetScenario.HealthyApp(Array.IndexOf(orders, id)), id)
                .Where(t => faultTimes.TryGetValue(id, out var fault) && t >= fault && (!aborts.TryGetValue(id, out var abort) || t <= abort))))],
            WarmUp = warmUp,
            EngineSlots = engine.Services.GetRequiredService<WorkItemLimitOrchestrationService>().MaxConcurrentTaskActivityWorkItems,
        }.WithTraffic(calls);
    }
}
