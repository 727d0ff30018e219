namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// The engine floor: processor time per poll of a bare loop (the watch's timer loop with a no-op activity) against a
/// real watch, the same count at the same interval, alternating in one run. The simulator runs in its own process
/// so the bench process's time is the guard's alone (engine, watch logic, SAE client); the simulator's is reported
/// apart.
/// </summary>
public sealed class FloorBenchmark
{
    private const string Group = "engine/floor";

    /// <summary>Loops (or watches) at once.</summary>
    public int Count { get; init; } = 1000;

    /// <summary>The poll interval.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time after the last start before measuring.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long each phase measures.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bare-then-real rounds.</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>Runs the rounds and returns the figures.</summary>
    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var sae = await ChildProcessSaeFake.StartAsync(FleetScenario.Build(Count, 0, 0), cancellationToken).ConfigureAwait(false);
        var figures = new List<Figure>();
        var bare = new List<double>();
        var real = new List<double>();
        var simulator = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            var b = await BareAsync(sae, cancellationToken).ConfigureAwait(false);
            var r = await RealAsync(sae, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Floor round {round}: bare {b.CpuPerPollUs:0} us/poll (p99 late {b.LatenessP99Ms:0} ms), " +
                $"watch {r.CpuPerPollUs:0} us/poll (p99 late {r.LatenessP99Ms:0} ms) + simulator {r.SimulatorPerPollUs:0} us/poll");
            bare.Add(b.CpuPerPollUs);
            real.Add(r.CpuPerPollUs);
            simulator.Add(r.SimulatorPerPollUs);
            figures.AddRange(b.Figures($"{Group}/bare/round{round}"));
            figures.AddRange(r.Figures($"{Group}/watch/round{round}"));
        }

        var ratio = real.Average() / bare.Average();
        figures.Add(new Figure(Group, "loops", Count, $"at {Interval.TotalSeconds:0} s"));
        figures.Add(new Figure(Group, "bareCpuPerPoll", Math.Round(bare.Average(), 0), "us (mean of rounds)"));
        figures.Add(new Figure(Group, "watchCpuPerPoll", Math.Round(real.Average(), 0), "us (mean of rounds, guard process only)"));
        figures.Add(new Figure(Group, "simulatorCpuPerPoll", Math.Round(simulator.Average(), 0), "us (simulator process, not counted)"));
        figures.Add(new Figure(Group, "ratio", Math.Round(ratio, 2), "watch / bare (target <= 2)"));
        figures.Add(new Figure(Group, "ratioWithSimulator", Math.Round((real.Average() + simulator.Average()) / bare.Average(), 2), "(watch + simulator) / bare, for reference"));
        return figures;
    }

    private async Task<Phase> BareAsync(ISaeFake sae, CancellationToken cancellationToken)
    {
        await using var engine = await BenchEngine.StartAsync(sae.BaseAddress, sae.AccessKeyId, sae.AccessKeySecret, cancellationToken).ConfigureAwait(false);
        await Launcher.BareLoopsAsync(engine.Client, Count, Interval, engine.PollsPerGeneration, spread: Interval, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
        engine.Polls.Drain();
        var polls = engine.Polls.Polls;
        var before = ProcessorClock.Now();
        await Task.Delay(Window, cancellationToken).ConfigureAwait(false);
        var after = ProcessorClock.Now();
        polls = engine.Polls.Polls - polls;
        var lateness = engine.Polls.Drain().Select(t => t.TotalMilliseconds).ToArray();
        return new Phase(polls, after.CpuSince(before), after.WallSince(before), Percentile.Of(lateness, 50), Percentile.Of(lateness, 99), null);
    }

    private async Task<Phase> RealAsync(ISaeFake sae, CancellationToken cancellationToken)
    {
        var feed = new LogFeed(sae, "DescribeChangeOrder");
        await feed.PumpAsync(cancellationToken).ConfigureAwait(false);
        await using var engine = await BenchEngine.StartAsync(sae.BaseAddress, sae.AccessKeyId, sae.AccessKeySecret, cancellationToken).ConfigureAwait(false);
        var orders = Enumerable.Range(0, Count).Select(FleetScenario.HealthyOrder).ToArray();
        await Launcher.WatchesAsync(engine.Watches, orders, Interval, spread: Interval, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);

        var cadence = new PollCadence(Interval, FleetScenario.IsHealthy);
        feed.Cadence = cadence;
        await feed.PumpAsync(cancellationToken).ConfigureAwait(false);
        var from = DateTimeOffset.UtcNow;
        cadence.Open(from);
        var simulatorBefore = sae.ProcessorTime ?? TimeSpan.Zero;
        var before = ProcessorClock.Now();
        await Task.Delay(Window, cancellationToken).ConfigureAwait(false);
        var after = ProcessorClock.Now();
        var simulatorAfter = sae.ProcessorTime ?? TimeSpan.Zero;
        var to = DateTimeOffset.UtcNow;
        await feed.PumpAsync(cancellationToken).ConfigureAwait(false);
        cadence.Close(to);
        var lateness = cadence.LatenessMs.ToArray();
        return new Phase(cadence.Polls, after.CpuSince(before), after.WallSince(before), Percentile.Of(lateness, 50), Percentile.Of(lateness, 99),
            simulatorAfter - simulatorBefore);
    }

    private sealed record Phase(long Polls, TimeSpan Cpu, TimeSpan Wall, double LatenessP50Ms, double LatenessP99Ms, TimeSpan? SimulatorCpu)
    {
        public double CpuPerPollUs => Cpu.TotalMicroseconds / Math.Max(1, Polls);

        public double SimulatorPerPollUs => (SimulatorCpu ?? TimeSpan.Zero).TotalMicroseconds / Math.Max(1, Polls);

        public IEnumerable<Figure> Figures(string group)
        {
            yield return new Figure(group, "polls", Polls, $"polls in {Wall.TotalSeconds:0} s");
            yield return new Figure(group, "cpuPerPoll", Math.Round(CpuPerPollUs, 0), "us (guard process)");
            yield return new Figure(group, "latenessP50", Math.Round(LatenessP50Ms, 1), "ms");
            yield return new Figure(group, "latenessP99", Math.Round(LatenessP99Ms, 1), "ms");
            if (SimulatorCpu is not null)
            {
                yield return new Figure(group, "simulatorCpuPerPoll", Math.Round(SimulatorPerPollUs, 0), "us (simulator process)");
            }
        }
    }
}
