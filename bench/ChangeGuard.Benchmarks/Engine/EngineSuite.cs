namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// The engine benchmarks: capacity at a 5 s interval, the engine floor (bare loop against a real watch)
/// and a long watch. <c>engine</c> runs all three, each bounded to about five minutes; <c>engine-capacity</c>,
/// <c>engine-floor</c> and <c>engine-long</c> run one.
/// </summary>
public static class EngineSuite
{
    /// <summary>The suite names this class runs.</summary>
    public static IReadOnlyList<string> Names { get; } = ["engine", "engine-capacity", "engine-floor", "engine-long"];

    /// <summary>The result file of these suites, relative to the repository root.</summary>
    public const string DefaultOutput = "bench/results/engine.json";

    /// <summary>True when <paramref name="suite"/> is one of <see cref="Names"/>.</summary>
    public static bool Runs(string suite) => Names.Contains(suite, StringComparer.Ordinal);

    /// <summary>Runs the named suite and returns its figures.</summary>
    public static async Task<IReadOnlyList<Figure>> RunAsync(string suite, CancellationToken cancellationToken = default)
    {
        // Lightest first: capacity leaves a large, busy process behind, which would colour the per-poll figures.
        var figures = new List<Figure>();
        if (suite is "engine" or "engine-long")
        {
            figures.AddRange(await new LongWatchBenchmark().RunAsync(cancellationToken).ConfigureAwait(false));
        }

        if (suite is "engine" or "engine-floor")
        {
            figures.AddRange(await new FloorBenchmark().RunAsync(cancellationToken).ConfigureAwait(false));
        }

        if (suite is "engine" or "engine-capacity")
        {
            figures.AddRange(await new CapacityBenchmark().RunAsync(cancellationToken).ConfigureAwait(false));
        }

        // JSON has no NaN: a figure with nothing to measure (no abort seen, no sample) is left out and named here.
        foreach (var missing in figures.Where(f => !double.IsFinite(f.Value)))
        {
            Console.WriteLine($"Engine: no value for {missing.Group} {missing.Metric}; left out of the result.");
        }

        return figures.Where(f => double.IsFinite(f.Value)).ToArray();
    }
}
