using System.Diagnostics;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Hosting;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Api;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>
/// One round: a simulator and an embedded engine (the CLI's), <c>healthy</c> watches of long rollouts brought to
/// steady state (each has polled twice, so each has been advised knowing every other), then one bad
/// rollout per entry of <c>faultSeconds</c> starts, each watched as it starts; the round ends when every bad one has
/// been aborted. Everything is read back from the simulator's request log; every wait is bounded.
/// </summary>
public sealed class BudgetRound(int healthy, IReadOnlyList<double> faultSeconds)
{
    /// <summary>Longest wait for the healthy watches' second polls.</summary>
    public static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(90);

    /// <summary>Longest wait for every bad rollout's abort.</summary>
    public static readonly TimeSpan DetectionLimit = TimeSpan.FromSeconds(90);

    /// <summary>Runs the round and returns what it measured.</summary>
    public async Task<RoundResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var simulator = await SaeSimulatorServer.StartAsync(
            new SimulatorOptions { Port = 0, Scenario = BudgetScenario.Build(healthy, faultSeconds.Count) }, cancellationToken).ConfigureAwait(false);
        await using var engine = await EmbeddedEngine.StartAsync(BenchSettings.For(simulator, BudgetScale.BudgetPerMinute), verbose: false, cancellationToken).ConfigureAwait(false);
        var watches = engine.Watches;
        var log = simulator.Log;
        var healthyOrders = Enumerable.Range(0, healthy).Select(BudgetScenario.HealthyOrder).ToArray();
        var bad = faultSeconds.Count;
        var badOrders = Enumerable.Range(0, bad).Select(BudgetScenario.BadOrder).ToArray();
        var started = new List<string>();
        var faults = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var aborts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        IReadOnlyList<TimeSpan> advised = [];
        TimeSpan warmUp;
        try
        {
            var warmUpStarted = Stopwatch.GetTimestamp();
            for (var i = 0; i < healthy; i++)
            {
                await BudgetWatches.StartAsync(watches, BudgetScenario.HealthyApp(i), healthyOrders[i], cancellationToken).ConfigureAwait(false);
                started.Add(healthyOrders[i]);
            }

            var steady = await BudgetWatches.UntilPolledAsync(watches, healthyOrders, 2, WarmUpLimit, cancellationToken).ConfigureAwait(false);
            if (!steady)
            {
                Console.Error.WriteLine($"Budget: the {healthy} healthy watches had not all polled twice after {WarmUpLimit.TotalSeconds:0} s; starting the bad rollouts anyway.");
            }

            warmUp = Stopwatch.GetElapsedTime(warmUpStarted);

            for (var i = 0; i < bad; i++)
            {
                simulator.World.CreateChangeOrder(BudgetScenario.Bad(BudgetScenario.BadApp(i), badOrders[i], faultSeconds[i]));
                await BudgetWatches.StartAsync(watches, BudgetScenario.BadApp(i), badOrders[i], cancellationToken).ConfigureAwait(false);
                started.Add(badOrders[i]);
            }

            await BoundedWait.UntilAsync(() =>
            {
                foreach (var entry in log.Read("AbortChangeOrder"))
                {
                    if (CallLogStats.OrderOf(entry) is { } id && badOrders.Contains(id) && !aborts.ContainsKey(id))
                    {
                        aborts[id] = entry.At;
                        if (simulator.World.FaultAppearsAt(id) is { } fault)
                        {
                            faults[id] = fault;
                        }
                    }
                }

                return aborts.Count == bad;
            }, DetectionLimit, cancellationToken).ConfigureAwait(false);

            advised = await BudgetWatches.AdvisedIntervalsAsync(watches, healthyOrders, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await BudgetWatches.StopAllAsync(watches, started).ConfigureAwait(false);
        }

        return Measure(log.Read(), badOrders, faults, aborts, advised, warmUp) with
        {
            EngineSlots = engine.Services.GetRequiredService<WorkItemLimitOrchestrationService>().MaxConcurrentTaskActivityWorkItems,
        };
    }

    private static RoundResult Measure(
        IReadOnlyList<RequestLogEntry> calls,
        IReadOnlyList<string> badOrders,
        Dictionary<string, DateTimeOffset> faults,
        Dictionary<string, DateTimeOffset> aborts,
        IReadOnlyList<TimeSpan> advised,
        TimeSpan warmUp)
    {
        var latencies = new List<TimeSpan>();
        var gaps = new List<TimeSpan>();
        var late = 0;
        for (var i = 0; i < badOrders.Count; i++)
        {
            var id = badOrders[i];
            if (!aborts.TryGetValue(id, out var abortAt) || !faults.TryGetValue(id, out var faultAt))
            {
                continue;
            }

            latencies.Add(abortAt - faultAt);
            var polls = CallLogStats.PollTimes(calls, BudgetScenario.BadApp(i), id).Where(t => t < abortAt).ToArray();
            if (polls.Length == 0 || polls.Min() > faultAt)
            {
                late++;
            }

            gaps.AddRange(CallLogStats.Gaps(polls));
        }

        return new RoundResult
        {
            Latencies = latencies,
            Missed = badOrders.Count - latencies.Count,
            FirstPollAfterFault = late,
            AdvisedIntervals = advised,
            BadPollGaps = gaps,
            WarmUp = warmUp,
        }.WithTraffic(calls);
    }
}
