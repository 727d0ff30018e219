using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ChangeGuard.Benchmarks.Budget;
using ChangeGuard.Benchmarks.Engine;
using ChangeGuard.Hosting;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Api;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Processes;

namespace ChangeGuard.Benchmarks.Restart;

/// <summary>
/// How fast <c>serve --store azurestorage</c> picks its watches up again after a crash. <see cref="Watches"/> watches
/// run on Azurite until each has polled twice; the process is killed (<c>kill -9</c>) and, once every watch's next
/// poll is overdue, started again with the same settings (production defaults: 1 minute message visibility, 2 s longest queue polling pause). Measured
/// from the new process's start: when it answers, its first resumed poll, and when each watch has polled again.
/// Watches whose message the dead process held wait for the message visibility timeout: that tail is reported apart.
/// Last, a graceful stop (SIGTERM) is timed. The simulator runs in this process, serve in its own.
/// </summary>
public sealed class RestartBenchmark
{
    /// <summary>The note the report carries.</summary>
    public const string Note =
        "restart suite: serve --store azurestorage on Azurite (npm, in-memory persistence), killed with kill -9 after every watch had polled twice, " +
        "restarted with the same worker id once every watch's next poll was overdue (after one interval + 1 s); seconds from the new process's start; resumed = polled again after the restart.";

    /// <summary>Watches running when the process dies.</summary>
    public int Watches { get; init; } = 200;

    /// <summary>Their poll interval.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for every watch to resume.</summary>
    public TimeSpan ResumeLimit { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Runs the suite and returns its figures.</summary>
    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken).ConfigureAwait(false);
        await using var simulator = await SaeSimulatorServer.StartAsync(new SimulatorOptions { Port = 0, Scenario = Scenario() }, cancellationToken).ConfigureAwait(false);
        var environment = ServeProcess.AzureStorageEnvironment(
            simulator.BaseAddress, simulator.Options.AccessKeyId, simulator.Options.AccessKeySecret, azurite.ConnectionString, "restartbench", "restart-bench");
        var port = LoopbackPort.Next();
        var orders = Enumerable.Range(0, Watches).Select(Order).ToArray();

        Console.WriteLine($"Restart: {Watches} watches every {PollInterval.TotalSeconds:0} s on Azurite...");
        var first = await ServeProcess.StartAsync(port, [], environment, cancellationToken).ConfigureAwait(false);
        using (var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
        {
            for (var i = 0; i < Watches; i++)
            {
                using var answer = await http.PostAsJsonAsync(new Uri("api/watches", UriKind.Relative), new
                {
                    regionId = "cn-hangzhou",
                    appId = App(i),
                    changeOrderId = orders[i],
                    policy = new { pollInterval = $"{PollInterval.TotalSeconds:0}s" },
                }, cancellationToken).ConfigureAwait(false);
                answer.EnsureSuccessStatusCode();
            }
        }

        var steady = await BoundedWait.UntilAsync(() => PolledSince(simulator.Log, DateTimeOffset.MinValue).Values.Count(p => p.Count >= 2) == Watches, ResumeLimit, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Restart:   every watch has polled twice: {steady}; killing the server...");
        first.Kill();
        await first.DisposeAsync().ConfigureAwait(false);

        // An outage longer than one interval: every watch's next poll is due when the new process starts, so the
        // restart shows how fast a backlog is worked off, not how the polls happen to be spread.
        await Task.Delay(PollInterval + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);

        var restartedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var second = await ServeProcess.StartAsync(port, [], environment, cancellationToken).ConfigureAwait(false);
        var answering = clock.Elapsed;
        await BoundedWait.UntilAsync(() => PolledSince(simulator.Log, restartedAt).Count == Watches, ResumeLimit, cancellationToken).ConfigureAwait(false);
        var resumed = PolledSince(simulator.Log, restartedAt).Values.Select(p => (p.First - restartedAt).TotalSeconds).Order().ToArray();
        Console.WriteLine($"Restart:   {resumed.Length} of {Watches} resumed; stopping gracefully...");

        var stopping = Stopwatch.StartNew();
        var stopped = await second.TerminateAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var stopSeconds = stopping.Elapsed.TotalSeconds;

        const string group = "restart/azurestorage";
        var quick = resumed.Where(s => s <= answering.TotalSeconds + PollInterval.TotalSeconds + 2).ToArray();
        var quickSpan = quick.Length > 1 ? quick[^1] - quick[0] : double.NaN;
        var figures = new List<Figure>
        {
            new(group, "watches", Watches, $"every {PollInterval.TotalSeconds:0} s"),
            new(group, "answering", Math.Round(answering.TotalSeconds, 2), "s (process start to /healthz)"),
            new(group, "first-poll", resumed.Length > 0 ? Math.Round(resumed[0], 2) : double.NaN, "s (process start to first resumed poll)"),
            new(group, "resumed-p50", Math.Round(Percentile.Of(resumed, 50), 2), "s"),
            new(group, "resumed-p90", Math.Round(Percentile.Of(resumed, 90), 2), "s"),
            new(group, "resumed-all", resumed.Length == Watches ? Math.Round(resumed[^1], 2) : double.NaN, "s (last watch's first poll)"),
            new(group, "resumed", resumed.Length, "watches"),
            new(group, "resumed-quickly", quick.Length, "watches (within answering + one interval + 2 s)"),
            new(group, "resume-rate", Math.Round(quick.Length / Math.Max(0.001, quickSpan), 1), "watches/s (overdue watches resumed, first to last of the quick ones)"),
            new(group, "resumed-late", resumed.Length - quick.Length, "watches (their message was held by the dead process: visibility timeout)"),
            new(group, "graceful-stop", stopped ? Math.Round(stopSeconds, 2) : double.NaN, "s (SIGTERM to exit)"),
            new(group, "failures", Watches - resumed.Length, "watches"),
        };
        return [.. figures.Where(f => double.IsFinite(f.Value))];
    }

    private static string App(int i) => "app-restart-" + i.ToString("000", CultureInfo.InvariantCulture);

    private static string Order(int i) => "co-restart-" + i.ToString("000", CultureInfo.InvariantCulture);

    private Scenario Scenario() => new()
    {
        Name = "restart",
        Seed = 1,
        RateLimitPerMinute = 0,
        Apps =
        [
            .. Enumerable.Range(0, Watches).Select(i => new AppDefinition
            {
                AppId = App(i),
                AppName = App(i),
                Replicas = 2,
                Version = "1.0.0",
                ChangeOrders =
                [
                    new ChangeOrderDefinition
                    {
                        ChangeOrderId = Order(i),
                        Batches = [new BatchDefinition { Instances = 2, DurationSeconds = 3600 }],
                    },
                ],
            }),
        ],
    };

    /// <summary>Per change order polled after <paramref name="since"/>: how often, and when first.</summary>
    private static Dictionary<string, (int Count, DateTimeOffset First)> PolledSince(RequestLog log, DateTimeOffset since) =>
        log.Read("DescribeChangeOrder")
            .Where(e => e.At > since && CallLogStats.OrderOf(e) is not null)
            .GroupBy(e => CallLogStats.OrderOf(e)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Min(e => e.At)), StringComparer.Ordinal);
}
