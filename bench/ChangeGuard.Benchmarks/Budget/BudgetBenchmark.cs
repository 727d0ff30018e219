using System.Diagnostics;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>
/// Detection latency against the number of concurrent watches at a fixed call budget. For each N, one in ten
/// watches (at least one) watches a rollout that goes bad; the rest watch long healthy rollouts. Small N repeats
/// in separate rounds (<see cref="Samples"/> divided by the bad ones per round, at least one round) so the
/// percentiles rest on several faults. Figures are production-equivalent (see
/// <see cref="BudgetScale"/>), next to what the <see cref="PlannerPrediction"/> math alone predicts.
/// </summary>
public sealed class BudgetBenchmark
{
    /// <summary>The note the report carries so nobody reads the scaled figures as raw ones.</summary>
    public static readonly string Note =
        $"budget suite, {BudgetScale.Label}: SAE played {BudgetScale.TimeScale:0}x faster (simulator limit {BudgetScale.SimulatorLimitPerMinute}/min, " +
        $"budget {BudgetScale.BudgetPerMinute}/min, poll {BudgetScale.PollInterval.TotalSeconds} s, failureLimit {BudgetScale.FailureLimit}); " +
        "figures in s (prod) are production-equivalent (measured x10), calls/min (prod) are per production minute (measured per minute / 10), counts are raw; " +
        "peak-60s is the busiest 60 real seconds (the scaled budget's window, 500), peak-6s the busiest 6 real seconds (one production minute). " +
        "Detection latency: from the simulator's FaultAppearsAt to the first AbortChangeOrder for that order in its request log. " +
        "plan-* figures are PollPlanner's math for the same watches with an engine that adds no delay.";

    /// <summary>The numbers of concurrent watches to measure.</summary>
    public IReadOnlyList<int> WatchCounts { get; init; } = [1, 10, 40, 100];

    /// <summary>Bad rollouts to aim for per N: rounds are this divided by the bad rollouts per round, at least one.</summary>
    public int Samples { get; init; } = 5;

    /// <summary>The rounds of faults late in a rollout's life: watches, bad ones among them.</summary>
    public IReadOnlyList<(int Watches, int Bad, bool Probe)> LateRounds { get; init; } = [(40, 5, false), (100, 10, false), (100, 10, true)];

    /// <summary>Which parts run: <c>start</c> (faults in a new rollout's first minute), <c>late</c>, <c>life</c>.</summary>
    public IReadOnlySet<string> Parts { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "life", "late", "start" };

    /// <summary>Runs every N and returns the figures.</summary>
    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken = default)
    {
        var figures = new List<Figure>();
        if (Parts.Contains("life"))
        {
            Console.WriteLine("Budget: one healthy rollout's whole life...");
            figures.AddRange(Summarize(await new LifeRound().RunAsync(cancellationToken).ConfigureAwait(false)));
        }

        foreach (var (watches, bad, probe) in Parts.Contains("late") ? LateRounds : [])
        {
            var started = Stopwatch.GetTimestamp();
            Console.WriteLine($"Budget: {watches} watches, {bad} going bad late in their life{(probe ? ", each with a probe signal" : string.Empty)}...");
            var result = await new LateFaultRound(watches, bad, seed: watches, probe).RunAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Budget:   warm-up {result.WarmUp.TotalSeconds:0.0} s, {result.Latencies.Count} aborts, {result.FalseAborts} false, {result.Calls} calls, round {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            figures.AddRange(SummarizeLate(watches, bad, probe, result));
        }

        foreach (var watches in Parts.Contains("start") ? WatchCounts : [])
        {
            var bad = Math.Max(1, watches / 10);
            var rounds = Math.Max(1, Samples / bad);
            var samples = rounds * bad;
            var results = new List<RoundResult>();
            for (var round = 0; round < rounds; round++)
            {
                var started = Stopwatch.GetTimestamp();
                Console.WriteLine($"Budget: {watches} watches ({watches - bad} healthy, {bad} bad), round {round + 1} of {rounds}...");
                var faultSeconds = Enumerable.Range(round * bad, bad).Select(s => BudgetScenario.FaultSecond(s, samples)).ToArray();
                var result = await new BudgetRound(watches - bad, faultSeconds).RunAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"Budget:   warm-up {result.WarmUp.TotalSeconds:0.0} s, {result.Latencies.Count} aborts, {result.Calls} calls, round {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
                results.Add(result);
            }

            figures.AddRange(Summarize(watches, bad, samples, results));
        }

        return figures;
    }

    private static IEnumerable<Figure> Summarize(LifeResult life)
    {
        const string group = "budget/life";
        yield return new Figure(group, "polls", life.Polls, "polls");
        yield return new Figure(group, "calls", life.Calls, "calls (start check apart)");
        yield return new Figure(group, "calls/poll", life.Polls > 0 ? Math.Round((double)life.Calls / life.Polls, 2) : 0, "calls per poll");
        yield return new Figure(group, "watch-calls/poll", life.Polls > 0 ? Math.Round((double)life.WatchCalls / life.Polls, 2) : 0, "calls per poll (the watch's own count)");
        foreach (var (api, count) in life.CallsByApi.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            yield return new Figure(group, api, count, "calls");
        }

        yield return new Figure(group, "succeeded", life.Outcome == "Succeeded" ? 1 : 0, "yes=1");
    }

    private static IEnumerable<Figure> SummarizeLate(int watches, int bad, bool probe, RoundResult result)
    {
        const string seconds = "s (prod)";
        var group = $"budget/late-{watches}-watches-{bad}-bad{(probe ? "-probe" : string.Empty)}";
        foreach (var figure in Summarize(watches, bad, bad, [result], late: true))
        {
            yield return figure with { Group = group };
        }

        var (normal, elevated) = PlannerPrediction.Intervals(watches, 0);
        yield return new Figure(group, "plan-p99", Math.Round(BudgetScale.ProductionSeconds((normal * 0.99) + (elevated * (BudgetScale.FailureLimit - 1))), 1), seconds);
        yield return new Figure(group, "false-aborts", result.FalseAborts, "watches");
    }

    private static IEnumerable<Figure> Summarize(int watches, int bad, int samples, IReadOnlyList<RoundResult> results, bool late = false)
    {
        const string seconds = "s (prod)";
        var group = $"budget/watches-{watches}";
        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        yield return new Figure(group, "rounds", results.Count, "rounds");
        yield return new Figure(group, "samples", latencies.Length, "aborts");
        if (latencies.Length > 0)
        {
            var stats = Stats(latencies);
            yield return new Figure(group, "p50", Production(stats.PercentileMicroseconds(50)), seconds);
            yield return new Figure(group, "p99", Production(stats.PercentileMicroseconds(99)), seconds);
            yield return new Figure(group, "max", Production(stats.MaxMicroseconds), seconds);
        }

        if (!late)
        {
            var (normal, elevated) = PlannerPrediction.Intervals(watches - bad, bad);
            var predicted = Stats(Enumerable.Range(0, samples).Select(s =>
                PlannerPrediction.Latency(elevated, TimeSpan.FromSeconds(BudgetScenario.FaultSecond(s, samples) / BudgetScale.TimeScale))));
            yield return new Figure(group, "plan-p50", Production(predicted.PercentileMicroseconds(50)), seconds);
            yield return new Figure(group, "plan-p99", Production(predicted.PercentileMicroseconds(99)), seconds);
            yield return new Figure(group, "plan-elev", Math.Round(BudgetScale.ProductionSeconds(elevated), 1), seconds);
            if (watches > bad)
            {
                yield return new Figure(group, "plan-normal", Math.Round(BudgetScale.ProductionSeconds(normal), 1), seconds);
            }
        }
        else
        {
            var (normal, _) = PlannerPrediction.Intervals(watches, 0);
            yield return new Figure(group, "plan-normal", Math.Round(BudgetScale.ProductionSeconds(normal), 1), seconds);
        }

        var advised = results.SelectMany(r => r.AdvisedIntervals).ToArray();
        if (advised.Length > 0)
        {
            yield return new Figure(group, "advised", Production(Stats(advised).PercentileMicroseconds(50)), seconds);
        }

        var gaps = results.SelectMany(r => r.BadPollGaps).ToArray();
        if (gaps.Length > 0)
        {
            yield return new Figure(group, "bad-gap", Production(Stats(gaps).PercentileMicroseconds(50)), seconds);
        }

        var minutes = results.Sum(r => r.Duration.TotalMinutes);
        if (minutes > 0)
        {
            yield return new Figure(group, "calls/min", Math.Round(BudgetScale.ProductionPerMinute(results.Sum(r => r.Calls) / minutes), 1), "calls/min (prod)");
        }

        var peak = results.Max(r => r.PeakMinuteCalls);
        yield return new Figure(group, "peak-60s", peak, "calls in 60 real s");
        yield return new Figure(group, "over-budget", peak > BudgetScale.BudgetPerMinute ? 1 : 0, "yes=1");
        yield return new Figure(group, "peak-6s", results.Max(r => r.PeakProductionMinuteCalls), "calls in 6 real s (1 prod min)");
        yield return new Figure(group, "calls", results.Sum(r => r.Calls), "calls");
        yield return new Figure(group, "throttled", results.Sum(r => r.Throttled), "calls");
        yield return new Figure(group, "late-first", results.Sum(r => r.FirstPollAfterFault), "watches");
        yield return new Figure(group, "warm-up", Math.Round(results.Max(r => r.WarmUp.TotalSeconds), 1), "s (real)");
        yield return new Figure(group, "engine-slots", results.Max(r => r.EngineSlots), "activities at once");
        yield return new Figure(group, "failures", results.Sum(r => r.Missed), "watches");
    }

    private static LatencyStats Stats(IEnumerable<TimeSpan> durations) =>
        new(durations.Select(d => (long)(d.TotalSeconds * Stopwatch.Frequency)));

    private static double Production(double microseconds) =>
        Math.Round(BudgetScale.ProductionSeconds(TimeSpan.FromMicroseconds(microseconds)), 1);
}
