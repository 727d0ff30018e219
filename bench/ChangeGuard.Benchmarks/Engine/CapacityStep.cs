using System.Runtime;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>One capacity step: N healthy watches and a few bad ones on a fresh simulator and engine.</summary>
public sealed class CapacityStep(int healthy, int bad, TimeSpan interval, TimeSpan settle, TimeSpan window)
{
    /// <summary>Share of the interval the p99 lateness may reach.</summary>
    public const double LatenessShare = 0.10;

    /// <summary>How long after its fault a bad order may go unaborted: failure limit 2 means two polls, plus one spare.</summary>
    private TimeSpan AbortGrace => interval * 4;

    /// <summary>Runs the step.</summary>
    public async Task<StepResult> RunAsync(CancellationToken cancellationToken)
    {
        var group = $"engine/capacity/{healthy}";
        var faultAfter = interval + settle + TimeSpan.FromSeconds(8);
        Console.WriteLine($"Capacity: {healthy} watches (+{bad} bad) at {interval.TotalSeconds:0} s...");
        await using var sae = await InProcessSaeFake.StartAsync(FleetScenario.Build(healthy, bad, faultAfter.TotalSeconds), cancellationToken).ConfigureAwait(false);
        await using var engine = await BenchEngine.StartAsync(sae.BaseAddress, sae.AccessKeyId, sae.AccessKeySecret, cancellationToken).ConfigureAwait(false);
        var baseline = SettledHeap();

        var orders = Enumerable.Range(0, healthy).Select(FleetScenario.HealthyOrder)
            .Concat(Enumerable.Range(0, bad).Select(FleetScenario.BadOrder)).ToArray();
        var cadence = new PollCadence(interval, FleetScenario.IsHealthy);
        var feed = new LogFeed(sae) { Cadence = cadence };
        var rampStarted = DateTimeOffset.UtcNow;
        await Launcher.WatchesAsync(engine.Watches, orders, interval, spread: interval, cancellationToken).ConfigureAwait(false);
        var rampTook = DateTimeOffset.UtcNow - rampStarted;
        await feed.PumpUntilAsync(DateTimeOffset.UtcNow + settle, cancellationToken).ConfigureAwait(false);

        var from = DateTimeOffset.UtcNow;
        var before = ProcessorClock.Now();
        var gcPause = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        cadence.Open(from);
        await feed.PumpUntilAsync(from + window, cancellationToken).ConfigureAwait(false);
        var after = ProcessorClock.Now();
        var to = DateTimeOffset.UtcNow;
        gcPause = GC.GetTotalPauseDuration() - gcPause;
        gen2 = GC.CollectionCount(2) - gen2;
        await feed.PumpAsync(cancellationToken).ConfigureAwait(false);
        cadence.Close(to);

        var deadline = Enumerable.Range(0, bad).Select(i => FaultAt(sae, FleetScenario.BadOrder(i)) ?? to).DefaultIfEmpty(to).Max() + AbortGrace;
        while (DateTimeOffset.UtcNow < deadline && feed.Aborts.Count < bad)
        {
            await feed.PumpUntilAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        var delays = Enumerable.Range(0, bad).Select(FleetScenario.BadOrder)
            .Select(id => feed.Aborts.TryGetValue(id, out var at) && FaultAt(sae, id) is { } fault && at - fault <= AbortGrace ? (at - fault).TotalSeconds : double.NaN)
            .ToArray();
        var missed = delays.Count(double.IsNaN);
        var aborted = 0;
        foreach (var id in Enumerable.Range(0, bad).Select(FleetScenario.BadOrder))
        {
            var view = await engine.Watches.GetAsync(id, cancellationToken).ConfigureAwait(false);
            aborted += view?.Result?.Outcome == WatchOutcome.Aborted || view?.Phase is WatchPhase.Aborting or WatchPhase.ConfirmingAbort ? 1 : 0;
        }

        await sae.ClearAsync(cancellationToken).ConfigureAwait(false);
        var heap = SettledHeap() - baseline;
        var workingSet = Environment.WorkingSet;

        var lateness = cadence.LatenessMs;
        var p50 = Percentile.Of([.. lateness], 50);
        var p99 = Percentile.Of([.. lateness], 99);
        var max = lateness.Count == 0 ? double.NaN : lateness.Max();
        var cpu = after.CpuSince(before);
        var wall = after.WallSince(before);
        var polling = cadence.Orders;
        var meets = p99 <= interval.TotalMilliseconds * LatenessShare && missed == 0 && polling == healthy;
        var figures = new List<Figure>
        {
            new(group, "watches", healthy + bad, $"watches ({bad} bad)"),
            new(group, "startTook", Math.Round(rampTook.TotalSeconds, 1), "s"),
            new(group, "polling", polling, "watches seen polling"),
            new(group, "polls", cadence.Polls, $"polls in {wall.TotalSeconds:0} s"),
            new(group, "pollsPerSecond", Math.Round(cadence.Polls / wall.TotalSeconds, 1), $"polls/s (ideal {healthy / interval.TotalSeconds:0})"),
            new(group, "latenessP50", Math.Round(p50, 1), "ms"),
            new(group, "latenessP99", Math.Round(p99, 1), $"ms (target <= {interval.TotalMilliseconds * LatenessShare:0})"),
            new(group, "latenessMax", Math.Round(max, 1), "ms"),
            new(group, "cpuPerPoll", Math.Round(cpu.TotalMicroseconds / Math.Max(1, cadence.Polls), 0), "us (process, simulator included)"),
            new(group, "coresBusy", Math.Round(cpu / wall, 2), $"of {Environment.ProcessorCount} cores"),
            new(group, "gcPause", Math.Round(gcPause.TotalMilliseconds, 0), $"ms in window ({gen2} gen2)"),
            new(group, "heapPerWatch", Math.Round(heap / 1024.0 / (healthy + bad), 1), "KB (managed heap growth / watches)"),
            new(group, "workingSet", Math.Round(workingSet / 1048576.0, 0), "MB"),
            new(group, "abortsInTime", bad - missed, $"of {bad} bad orders"),
            new(group, "abortedOrAborting", aborted, $"of {bad} watches"),
            new(group, "abortDetectionMax", Math.Round(delays.Where(d => !double.IsNaN(d)).DefaultIfEmpty(double.NaN).Max(), 1), "s from fault to accepted abort"),
            new(group, "meetsTarget", meets ? 1 : 0, "1 = yes"),
        };
        var summary = $"p50 {p50:0} ms, p99 {p99:0} ms, max {max:0} ms, {polling}/{healthy} polling, {bad - missed}/{bad} aborts in time, {cpu.TotalMicroseconds / Math.Max(1, cadence.Polls):0} us CPU/poll, {heap / 1024.0 / (healthy + bad):0} KB/watch";
        return new StepResult(meets, figures, summary);
    }

    private static DateTimeOffset? FaultAt(InProcessSaeFake sae, string changeOrderId) => sae.Simulator.World.FaultAppearsAt(changeOrderId);

    private static long SettledHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}

/// <summary>What one step found.</summary>
/// <param name="Meets">Whether the step met every condition.</param>
/// <param name="Figures">Its figures.</param>
/// <param name="Summary">One line for the console.</param>
public sealed record StepResult(bool Meets, IReadOnlyList<Figure> Figures, string Summary);
