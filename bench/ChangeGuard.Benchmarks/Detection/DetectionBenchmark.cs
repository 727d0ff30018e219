using System.Diagnostics;
using ChangeGuard.Benchmarks.Budget;
using ChangeGuard.Benchmarks.Engine;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Hosting;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Api;

namespace ChangeGuard.Benchmarks.Detection;

/// <summary>
/// Detection latency without a call budget, and SAE calls per poll and per watch lifecycle. One embedded engine (the
/// CLI's) watches <see cref="BadWatches"/> bad rollouts and <see cref="HealthyWatches"/> healthy ones on a simulator in
/// real time with no account limit. Latency runs from the simulator's FaultAppearsAt to the first AbortChangeOrder for
/// that order in its request log; calls are attributed to a watch by the change order or app they name.
/// </summary>
public sealed class DetectionBenchmark
{
    /// <summary>What the report says about how the figures were taken.</summary>
    public static readonly string Note =
        "detection suite: real time, no call budget, no simulator limit; latency from the simulator's FaultAppearsAt to the first " +
        "AbortChangeOrder for that order in its request log; target failureLimit x pollInterval + 1 s. calls are every SAE call " +
        "naming the watch's change order or app, the start check included; polls are the watch's own count (a poll reads the order, the instances or both).";

    private static readonly TimeSpan LifecycleLimit = TimeSpan.FromMinutes(4);

    /// <summary>Bad rollouts watched at once.</summary>
    public int BadWatches { get; init; } = 60;

    /// <summary>Healthy rollouts watched at once, to their success.</summary>
    public int HealthyWatches { get; init; } = 20;

    /// <summary>The poll interval of every watch.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Breaching polls in a row before an abort.</summary>
    public int FailureLimit { get; init; } = 3;

    /// <summary>Runs the suite and returns its figures.</summary>
    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        Console.WriteLine($"Detection: {BadWatches} bad and {HealthyWatches} healthy watches, poll {PollInterval.TotalSeconds:0} s, failureLimit {FailureLimit}...");
        await using var simulator = await SaeSimulatorServer.StartAsync(
            new SimulatorOptions { Port = 0, Scenario = DetectionScenario.Build(BadWatches, HealthyWatches, PollInterval) }, cancellationToken).ConfigureAwait(false);
        await using var engine = await EmbeddedEngine.StartAsync(BenchSettings.For(simulator, callsPerMinute: 0), verbose: false, cancellationToken).ConfigureAwait(false);
        var bad = Enumerable.Range(0, BadWatches).Select(i => (App: RolloutNames.BadApp(i), Order: RolloutNames.BadOrder(i))).ToArray();
        var healthy = Enumerable.Range(0, HealthyWatches).Select(i => (App: RolloutNames.HealthyApp(i), Order: RolloutNames.HealthyOrder(i))).ToArray();
        foreach (var (app, order) in bad.Concat(healthy))
        {
            await BenchWatches.StartAsync(engine.Watches, app, order, Policy(), cancellationToken).ConfigureAwait(false);
        }

        var outcomes = new Dictionary<string, WatchOutcome>(StringComparer.Ordinal);
        var polls = new Dictionary<string, int>(StringComparer.Ordinal);
        await BoundedWait.UntilAsync(async () =>
        {
            foreach (var (_, order) in bad.Concat(healthy))
            {
                if (!outcomes.ContainsKey(order) && await engine.Watches.GetAsync(order, cancellationToken).ConfigureAwait(false) is { HasEnded: true } view)
                {
                    outcomes[order] = view.Result?.Outcome ?? WatchOutcome.AbortFailed;
                    polls[order] = view.Result?.Polls ?? 0;
                }
            }

            return outcomes.Count == bad.Length + healthy.Length;
        }, LifecycleLimit, cancellationToken).ConfigureAwait(false);

        var faults = bad.ToDictionary(b => b.Order, b => simulator.World.FaultAppearsAt(b.Order), StringComparer.Ordinal);
        Console.WriteLine($"Detection:   {outcomes.Count} watches ended in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return [.. Summarize(simulator.Log.Read(), bad, healthy, outcomes, polls, faults)];
    }

    private IEnumerable<Figure> Summarize(
        IReadOnlyList<RequestLogEntry> calls,
        IReadOnlyList<(string App, string Order)> bad,
        IReadOnlyList<(string App, string Order)> healthy,
        Dictionary<string, WatchOutcome> outcomes,
        Dictionary<string, int> polls,
        Dictionary<string, DateTimeOffset?> faults)
    {
        var interval = PollInterval.TotalSeconds;
        var group = $"detection/watches-{bad.Count}";
        var latencies = new List<double>();
        foreach (var (_, order) in bad)
        {
            var abort = calls.FirstOrDefault(c => c.Action == "AbortChangeOrder" && CallLogStats.OrderOf(c) == order);
            if (abort is not null && faults[order] is { } fault)
            {
                latencies.Add((abort.At - fault).TotalSeconds);
            }
        }

        var target = (FailureLimit * interval) + 1;
        yield return new Figure(group, "samples", latencies.Count, "aborts");
        if (latencies.Count > 0)
        {
            latencies.Sort();
            foreach (var (metric, value) in new[] { ("p50", Percentile.Of(latencies, 50)), ("p99", Percentile.Of(latencies, 99)), ("max", latencies[^1]) })
            {
                yield return new Figure(group, metric, Math.Round(value, 2), "s");
                yield return new Figure(group, metric + "-intervals", Math.Round(value / interval, 2), "poll intervals");
            }

            yield return new Figure(group, "target", target, "s");
            yield return new Figure(group, "over-target", latencies.Count(l => l > target), "watches");
        }

        var wrong = bad.Count(b => outcomes.GetValueOrDefault(b.Order) != WatchOutcome.Aborted)
            + healthy.Count(h => outcomes.GetValueOrDefault(h.Order) != WatchOutcome.Succeeded);
        yield return new Figure(group, "failures", wrong, "watches");

        foreach (var figure in Calls("calls/bad", calls, bad, polls).Concat(Calls("calls/healthy", calls, healthy, polls)))
        {
            yield return figure;
        }
    }

    private static IEnumerable<Figure> Calls(string group, IReadOnlyList<RequestLogEntry> calls, IReadOnlyList<(string App, string Order)> watches, Dictionary<string, int> pollsByOrder)
    {
        // Each call belongs to the watch whose change order or app it names; read every watch's share once.
        var mine = watches.Select(w => calls.Where(c => CallLogStats.OrderOf(c) == w.Order || c.Parameters.GetValueOrDefault("AppId") == w.App).ToArray()).ToArray();
        // A watch's first DescribeChangeOrder is the start check (does the order exist, is it this app's?), not a poll:
        // it counts in the lifecycle's calls, not in the calls per poll.
        var total = mine.Sum(m => m.Length);
        var checks = mine.Count(m => m.Any(c => c.Action == "DescribeChangeOrder"));
        var polls = watches.Sum(w => pollsByOrder.GetValueOrDefault(w.Order));
        var perWatch = mine.Select(m => (double)m.Length).ToList();
        var count = Math.Max(1, watches.Count);
        yield return new Figure(group, "per-poll", Math.Round((double)(total - checks) / Math.Max(1, polls), 2), "calls/poll");
        yield return new Figure(group, "per-lifecycle-p50", Percentile.Of(perWatch, 50), "calls/watch");
        yield return new Figure(group, "per-lifecycle-max", perWatch.Count > 0 ? perWatch.Max() : 0, "calls/watch");
        yield return new Figure(group, "polls-mean", Math.Round((double)polls / count, 1), "polls/watch");
        yield return new Figure(group, "start-check", Math.Round((double)checks / count, 2), "calls/watch");
        foreach (var action in mine.SelectMany(m => m).GroupBy(c => c.Action, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return new Figure(group, action.Key, Math.Round((double)action.Count() / count, 2), "calls/watch");
        }
    }

    private WatchPolicyOverrides Policy() => new()
    {
        PollInterval = PollInterval,
        FailureLimit = FailureLimit,
        Timeout = TimeSpan.FromMinutes(5),
        AbortDeadline = TimeSpan.FromSeconds(30),
        AbortConfirmTimeout = TimeSpan.FromSeconds(10),
    };
}
