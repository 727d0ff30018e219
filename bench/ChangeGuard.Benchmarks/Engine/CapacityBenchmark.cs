using System.Diagnostics;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// How many watches one process holds at a 5 s interval: steps N up and stops at the first N whose p99 poll lateness
/// exceeds 10 % of the interval, whose bad orders are not all aborted in time, or whose watches are not all polling.
/// Real watches, the shipped engine, the simulator in the same process (its work and heap count against the engine),
/// SAE's rate limit and ChangeGuard's call budget off.
/// </summary>
public sealed class CapacityBenchmark
{
    private const string Group = "engine/capacity";

    /// <summary>The watch counts to try, in order.</summary>
    public IReadOnlyList<int> Steps { get; init; } = [1000, 2000, 3000, 4000, 6000, 8000];

    /// <summary>The poll interval.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bad orders in every step, which must all be aborted.</summary>
    public int BadOrders { get; init; } = 5;

    /// <summary>Time after the last start before measuring.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long each step measures.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>No new step starts once this much time has gone.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(4.5);

    /// <summary>Runs the steps and returns the figures.</summary>
    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken = default)
    {
        var figures = new List<Figure>();
        var began = Stopwatch.GetTimestamp();
        var held = 0;
        var stepTook = TimeSpan.FromMinutes(1);
        foreach (var n in Steps)
        {
            if (Stopwatch.GetElapsedTime(began) + stepTook * 1.2 > TimeBudget)
            {
                Console.WriteLine($"Capacity: stopping before {n} watches, out of time ({Stopwatch.GetElapsedTime(began).TotalSeconds:0} s used).");
                figures.Add(new Figure(Group, "stoppedForTimeAt", n, "watches"));
                break;
            }

            var stepStarted = Stopwatch.GetTimestamp();
            var step = await new CapacityStep(n, BadOrders, Interval, Settle, Window).RunAsync(cancellationToken).ConfigureAwait(false);
            stepTook = Stopwatch.GetElapsedTime(stepStarted);
            figures.AddRange(step.Figures);
            Console.WriteLine($"Capacity: {n} watches {(step.Meets ? "held" : "missed")} ({step.Summary}); step took {stepTook.TotalSeconds:0} s.");
            if (!step.Meets)
            {
                figures.Add(new Figure(Group, "firstMissedAt", n, "watches"));
                break;
            }

            held = n;
        }

        figures.Add(new Figure(Group, "held", held, "watches (target >= 3000)"));
        return figures;
    }
}
