namespace ChangeGuard.Benchmarks;

/// <summary>The command line: which suite to run and where the result file goes.</summary>
/// <param name="Suite">all, signing, roundtrip, budget, or an engine suite.</param>
/// <param name="OutputPath">One JSON result file for everything run; null: each suite's default file.</param>
/// <param name="BudgetParts">For the budget suite: which rounds (life, late, start); null: all.</param>
public sealed record BenchOptions(string Suite, string? OutputPath, IReadOnlySet<string>? BudgetParts = null)
{
    /// <summary>The usage text.</summary>
    public const string Usage = "Usage: dotnet run -c Release --project bench/ChangeGuard.Benchmarks -- [all|signing|roundtrip|budget|detection|restart|engine|engine-capacity|engine-floor|engine-long] [--out FILE] [--parts life,late,start (budget only)]";

    /// <summary>Where the SAE client figures (signing, round trip) go when no file is given, relative to the repository root.</summary>
    public const string DefaultOutput = "bench/results/sae-client.json";

    /// <summary>Where the call budget figures go when no file is given, relative to the repository root.</summary>
    public const string DefaultBudgetOutput = "bench/results/call-budget.json";

    /// <summary>True when the suite includes the BenchmarkDotNet signing benchmarks.</summary>
    public bool RunsSigning => Suite is "all" or "signing";

    /// <summary>True when the suite includes the simulator round trip.</summary>
    public bool RunsRoundTrip => Suite is "all" or "roundtrip";

    /// <summary>Where the detection latency and calls-per-watch figures go when no file is given, relative to the repository root.</summary>
    public const string DefaultDetectionOutput = "bench/results/detection.json";

    /// <summary>Where the restart figures go when no file is given, relative to the repository root.</summary>
    public const string DefaultRestartOutput = "bench/results/restart.json";

    /// <summary>True when the suite includes the durable store's crash and restart (needs Azurite, see tools/azurite).</summary>
    public bool RunsRestart => Suite is "all" or "restart";

    /// <summary>True when the suite includes detection latency and calls per watch without a budget.</summary>
    public bool RunsDetection => Suite is "all" or "detection";

    /// <summary>True when the suite includes detection latency under the call budget.</summary>
    public bool RunsBudget => Suite is "all" or "budget";

    /// <summary>True when the suite is one of the engine benchmarks (they write <see cref="Engine.EngineSuite.DefaultOutput"/>).</summary>
    public bool RunsEngine => Engine.EngineSuite.Runs(Suite);

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var suite = "all";
        string? output = null;
        HashSet<string>? parts = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "all" or "signing" or "roundtrip" or "budget" or "detection" or "restart":
                case var name when Engine.EngineSuite.Runs(name):
                    suite = args[i];
                    break;
                case "--out":
                    if (i + 1 >= args.Count)
                    {
                        throw new ArgumentException("--out needs a file path.");
                    }

                    output = Path.GetFullPath(args[++i]);
                    break;
                case "--parts":
                    if (i + 1 >= args.Count)
                    {
                        throw new ArgumentException("--parts needs a list such as life,late,start.");
                    }

                    parts = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    if (parts.FirstOrDefault(p => p is not ("life" or "late" or "start")) is { } unknown)
                    {
                        throw new ArgumentException($"unknown budget part '{unknown}': use life, late or start.");
                    }

                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'.");
            }
        }

        return new BenchOptions(suite, output, parts);
    }
}
