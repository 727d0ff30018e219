using System.Diagnostics;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Benchmarks;

/// <summary>
/// DescribeChangeOrder through the real client, HTTP stack and simulator over loopback: sequential latency, then
/// throughput and latency under concurrent callers. Simulator and client share the process and its cores, so the
/// figures bound what one guard process can poll, not what SAE itself answers. SAE's account limit and the call
/// budget are both off: they would measure the limit, not the client.
/// </summary>
public sealed class RoundTripBenchmark
{
    private const string RegionId = "cn-hangzhou";
    private const string ChangeOrderId = "co-healthy-0001";

    /// <summary>Sequential calls to time (at least 2000 for a meaningful p99).</summary>
    public int SequentialCalls { get; init; } = 5000;

    /// <summary>Concurrent callers in the load phase.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>How long the load phase runs.</summary>
    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Untimed calls first, so JIT tiering, connection pools and the simulator are warm.</summary>
    public int WarmupCalls { get; init; } = 1000;

    /// <summary>Starts the simulator, warms up, measures both phases and returns the figures.</summary>
    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var simulator = await SaeSimulatorServer.StartAsync(
            new SimulatorOptions { Port = 0, Scenario = ScenarioLoader.LoadBuiltIn("healthy-rollout") with { RateLimitPerMinute = 0 } },
            cancellationToken).ConfigureAwait(false);
        await using var bench = BenchClient.For(simulator);
        var client = bench.Client;

        Console.WriteLine($"Round trip: simulator at {simulator.BaseAddress}, warming up ({WarmupCalls} calls, then {Concurrency} callers for 1 s)...");
        var failures = 0L;
        for (var i = 0; i < WarmupCalls; i++)
        {
            await CallAsync(client, cancellationToken).ConfigureAwait(false);
        }

        await LoadAsync(client, Concurrency, TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);

        Console.WriteLine($"Round trip: {SequentialCalls} sequential calls...");
        var sequential = new List<long>(SequentialCalls);
        for (var i = 0; i < SequentialCalls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ok = await CallAsync(client, cancellationToken).ConfigureAwait(false);
            var took = Stopwatch.GetTimestamp() - started;
            if (ok)
            {
                sequential.Add(took);
            }
            else
            {
                failures++;
            }
        }

        Console.WriteLine($"Round trip: {Concurrency} concurrent callers for {LoadDuration.TotalSeconds:0.#} s...");
        var load = await LoadAsync(client, Concurrency, LoadDuration, cancellationToken).ConfigureAwait(false);
        failures += load.Failures;

        var seq = new LatencyStats(sequential);
        var conc = new LatencyStats(load.Latencies);
        const string seqGroup = "roundtrip/DescribeChangeOrder/sequential";
        var loadGroup = $"roundtrip/DescribeChangeOrder/concurrent-{Concurrency}";
        return
        [
            new Figure(seqGroup, "calls", seq.Count, "calls"),
            new Figure(seqGroup, "p50", Math.Round(seq.PercentileMicroseconds(50), 1), "us"),
            new Figure(seqGroup, "p99", Math.Round(seq.PercentileMicroseconds(99), 1), "us"),
            new Figure(seqGroup, "mean", Math.Round(seq.MeanMicroseconds, 1), "us"),
            new Figure(seqGroup, "max", Math.Round(seq.MaxMicroseconds, 1), "us"),
            new Figure(loadGroup, "duration", Math.Round(load.Elapsed.TotalSeconds, 3), "s"),
            new Figure(loadGroup, "calls", conc.Count, "calls"),
            new Figure(loadGroup, "throughput", Math.Round(conc.Count / load.Elapsed.TotalSeconds, 0), "req/s"),
            new Figure(loadGroup, "p50", Math.Round(conc.PercentileMicroseconds(50), 1), "us"),
            new Figure(loadGroup, "p99", Math.Round(conc.PercentileMicroseconds(99), 1), "us"),
            new Figure(loadGroup, "max", Math.Round(conc.MaxMicroseconds, 1), "us"),
            new Figure("roundtrip/DescribeChangeOrder", "failures", failures, "calls"),
        ];
    }

    private static async Task<LoadResult> LoadAsync(ISaeClient client, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, callers)
            .Select(_ => Task.Run(() => CallerAsync(client, deadline, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadResult(results.SelectMany(r => r.Latencies), results.Sum(r => r.Failures), elapsed);
    }

    private static async Task<(List<long> Latencies, long Failures)> CallerAsync(ISaeClient client, long deadline, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(16_384);
        var failures = 0L;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var started = Stopwatch.GetTimestamp();
            var ok = await CallAsync(client, cancellationToken).ConfigureAwait(false);
            var took = Stopwatch.GetTimestamp() - started;
            if (ok)
            {
                latencies.Add(took);
            }
            else
            {
                failures++;
            }
        }

        return (latencies, failures);
    }

    private static async Task<bool> CallAsync(ISaeClient client, CancellationToken cancellationToken)
    {
        try
        {
            var order = await client.DescribeChangeOrderAsync(RegionId, ChangeOrderId, cancellationToken).ConfigureAwait(false);
            return order is not null;
        }
        catch (SaeException ex)
        {
            if (Interlocked.Increment(ref _reportedFailures) <= 5)
            {
                Console.Error.WriteLine($"Round trip: call failed: {ex.Kind} {ex.Message}");
            }

            return false;
        }
    }

    private static int _reportedFailures;

    private sealed record LoadResult(IEnumerable<long> Latencies, long Failures, TimeSpan Elapsed);
}
