using System.Diagnostics;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Watching;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// Whether a watch gets dearer the longer it runs: a few real watches started together (so they poll in step)
/// until poll 2,000, the process's processor time sampled against their poll count. They poll every 100 ms, below
/// the policy's 1 s minimum (the input is scheduled directly, past request validation), so 2,000 polls fit in a few
/// minutes; the orchestration, activities and SAE calls are the shipped ones. A short warm-up with other watches
/// comes first so that early polls do not carry the JIT. Then a fresh set of watches polls 60 times in the same,
/// now older, process: its first polls against the old watches' last ones tell the watch's age apart from the
/// process's age and the machine's mood. The simulator runs in its own process.
/// </summary>
public sealed class LongWatchBenchmark
{
    private const string Group = "engine/long";

    /// <summary>Watches measured together.</summary>
    public int Watches { get; init; } = 20;

    /// <summary>The poll interval.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls per watch to reach.</summary>
    public int Polls { get; init; } = 2000;

    /// <summary>The measured run stops here even if the polls are not reached.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(4.5);

    /// <summary>How long the warm-up watches run.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Runs and returns the figures.</summary>
    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var sae = await ChildProcessSaeFake.StartAsync(FleetScenario.Build(Watches * 3, 0, 0), cancellationToken).ConfigureAwait(false);
        await using var engine = await BenchEngine.StartAsync(sae.BaseAddress, sae.AccessKeyId, sae.AccessKeySecret, cancellationToken).ConfigureAwait(false);
        var warmups = Enumerable.Range(0, Watches).Select(FleetScenario.HealthyOrder).ToArray();
        var measured = Enumerable.Range(Watches, Watches).Select(FleetScenario.HealthyOrder).ToHashSet(StringComparer.Ordinal);
        var fresh = Enumerable.Range(Watches * 2, Watches).Select(FleetScenario.HealthyOrder).ToHashSet(StringComparer.Ordinal);

        Console.WriteLine($"Long watch: warming up with {Watches} watches for {Warmup.TotalSeconds:0} s...");
        foreach (var id in warmups)
        {
            await ScheduleAsync(engine.Watches, id, cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(Warmup, cancellationToken).ConfigureAwait(false);
        foreach (var id in warmups)
        {
            await engine.Watches.StopAsync(id, new ChangeGuard.Watching.Orchestration.ManualCommand("warm-up over", "engine-bench"), cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        var feed = new LogFeed(sae, "DescribeChangeOrder");
        await feed.PumpAsync(cancellationToken).ConfigureAwait(false);

        Console.WriteLine($"Long watch: {Watches} watches every {Interval.TotalMilliseconds:0} ms to poll {Polls} ({engine.PollsPerGeneration} polls per generation)...");
        foreach (var id in measured)
        {
            await ScheduleAsync(engine.Watches, id, cancellationToken).ConfigureAwait(false);
        }

        var samples = new List<(ProcessorClock Clock, long Polls)> { (ProcessorClock.Now(), 0) };
        var heap = new SortedDictionary<int, long>();
        long total = 0;
        var began = Stopwatch.GetTimestamp();
        while (total < (long)Watches * Polls && Stopwatch.GetElapsedTime(began) < TimeBudget)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            var entries = await feed.PumpAsync(cancellationToken).ConfigureAwait(false);
            total += entries.Count(e => e.Parameters.TryGetValue("ChangeOrderId", out var id) && measured.Contains(id));
            samples.Add((ProcessorClock.Now(), total));
            foreach (var mark in new[] { 100, Polls / 2 })
            {
                if (!heap.ContainsKey(mark) && total >= (long)Watches * mark)
                {
                    // A span with no new polls, so the forced collection's processor time counts against no poll.
                    heap[mark] = GC.GetTotalMemory(forceFullCollection: true);
                    samples.Add((ProcessorClock.Now(), total));
                }
            }
        }

        var reached = total / (double)Watches;
        var last = Math.Floor(reached);
        heap[(int)last] = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"Long watch: reached poll {reached:0} in {Stopwatch.GetElapsedTime(began).TotalSeconds:0} s; {Watches} fresh watches for 60 polls...");
        foreach (var id in measured)
        {
            await engine.Watches.StopAsync(id, new ChangeGuard.Watching.Orchestration.ManualCommand("measured", "engine-bench"), cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        await feed.PumpAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in fresh)
        {
            await ScheduleAsync(engine.Watches, id, cancellationToken).ConfigureAwait(false);
        }

        var freshSamples = new List<(ProcessorClock Clock, long Polls)> { (ProcessorClock.Now(), 0) };
        long freshTotal = 0;
        var freshBegan = Stopwatch.GetTimestamp();
        while (freshTotal < Watches * 60L && Stopwatch.GetElapsedTime(freshBegan) < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            var entries = await feed.PumpAsync(cancellationToken).ConfigureAwait(false);
            freshTotal += entries.Count(e => e.Parameters.TryGetValue("ChangeOrderId", out var id) && fresh.Contains(id));
            freshSamples.Add((ProcessorClock.Now(), freshTotal));
        }

        var at10 = PerPoll(samples, 6, 15);
        var atLast = PerPoll(samples, last - 9, last);
        var at100 = PerPoll(samples, 91, 100);
        var at1000 = PerPoll(samples, 991, 1000);
        var first50 = PerPoll(samples, 1, 50);
        var last50 = PerPoll(samples, last - 49, last);
        var freshAt10 = PerPoll(freshSamples, 6, 15);
        var fresh50 = PerPoll(freshSamples, 1, 50);
        var figures = new List<Figure>
        {
            new(Group, "watches", Watches, $"in step, every {Interval.TotalMilliseconds:0} ms, {engine.PollsPerGeneration} polls per generation"),
            new(Group, "pollReached", Math.Round(reached, 0), $"of {Polls}"),
            new(Group, "cpuPerPollAt10", Math.Round(at10.Cpu, 0), "us (polls 6-15)"),
            new(Group, "cpuPerPollAtLast", Math.Round(atLast.Cpu, 0), $"us (polls {last - 9:0}-{last:0})"),
            new(Group, "ratio", Math.Round(atLast.Cpu / at10.Cpu, 2), "last / poll 10, same watches (target <= 1.2)"),
            new(Group, "allocPerPollAt10", Math.Round(at10.Allocated / 1024, 0), "KB (polls 6-15)"),
            new(Group, "allocPerPollAtLast", Math.Round(atLast.Allocated / 1024, 0), $"KB (polls {last - 9:0}-{last:0})"),
            new(Group, "allocRatio", Math.Round(atLast.Allocated / at10.Allocated, 2), "last / poll 10, same watches: the steady measure"),
            new(Group, "allocPerPollAt100", Math.Round(at100.Allocated / 1024, 0), "KB (polls 91-100)"),
            new(Group, "allocPerPollAt1000", Math.Round(at1000.Allocated / 1024, 0), "KB (polls 991-1000)"),
            new(Group, "allocRatioAgainst100", Math.Round(atLast.Allocated / at100.Allocated, 2), $"last / poll 100: after the state's last {ChangeGuard.Domain.Assessment.WatchState.DecisionsKept} decisions have filled"),
            new(Group, "cpuPerPollFirst50", Math.Round(first50.Cpu, 0), "us (polls 1-50)"),
            new(Group, "cpuPerPollLast50", Math.Round(last50.Cpu, 0), $"us (polls {last - 49:0}-{last:0})"),
            new(Group, "ratio50", Math.Round(last50.Cpu / first50.Cpu, 2), "last 50 / first 50, same watches"),
            new(Group, "allocRatio50", Math.Round(last50.Allocated / first50.Allocated, 2), "last 50 / first 50, same watches"),
            new(Group, "freshCpuPerPollAt10", Math.Round(freshAt10.Cpu, 0), "us (fresh watches afterwards, polls 6-15)"),
            new(Group, "freshCpuPerPoll50", Math.Round(fresh50.Cpu, 0), "us (fresh watches afterwards, polls 1-50)"),
            new(Group, "ratioAgainstFresh", Math.Round(atLast.Cpu / freshAt10.Cpu, 2), "last / fresh poll 10, same process age"),
            new(Group, "ratio50AgainstFresh", Math.Round(last50.Cpu / fresh50.Cpu, 2), "last 50 / fresh 1-50, same process age"),
        };
        figures.AddRange(heap.Select(h => new Figure(Group, $"heapAtPoll{h.Key}", Math.Round(h.Value / 1024.0, 0), "KB (managed heap after a full GC)")));
        return figures;

        (double Cpu, double Allocated) PerPoll(List<(ProcessorClock Clock, long Polls)> points, double fromPoll, double toPoll)
        {
            var cpu = TimeSpan.Zero;
            long allocated = 0;
            long polls = 0;
            for (var i = 1; i < points.Count; i++)
            {
                var middle = (points[i - 1].Polls + points[i].Polls) / 2.0 / Watches;
                if (middle >= fromPoll - 0.5 && middle <= toPoll + 0.5 && points[i].Polls > points[i - 1].Polls)
                {
                    cpu += points[i].Clock.CpuSince(points[i - 1].Clock);
                    allocated += points[i].Clock.AllocatedSince(points[i - 1].Clock);
                    polls += points[i].Polls - points[i - 1].Polls;
                }
            }

            return polls == 0 ? (double.NaN, double.NaN) : (cpu.TotalMicroseconds / polls, (double)allocated / polls);
        }
    }

    private async Task ScheduleAsync(WatchApi watches, string changeOrderId, CancellationToken cancellationToken)
    {
        var (input, errors) = watches.Validate(new WatchStartRequest
        {
            RegionId = FleetScenario.RegionId,
            AppId = FleetScenario.AppOf(changeOrderId),
            ChangeOrderId = changeOrderId,
            Policy = new WatchPolicyOverrides { PollInterval = TimeSpan.FromSeconds(1) },
            RequestedBy = "engine-bench",
        });
        if (input is null)
        {
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Field + " " + e.Message)));
        }

        await watches.ScheduleAsync(input with { Policy = input.Policy with { PollInterval = Interval } }, cancellationToken).ConfigureAwait(false);
    }
}
