using ChangeGuard.Benchmarks;

var root = RepositoryRoot.Find();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, root);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"changeguard-bench: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var machine = MachineFacts.Current();
var figures = new List<Figure>();
if (options.RunsSigning)
{
    figures.AddRange(SigningRun.Run(Path.Combine(root, "bench", "BenchmarkDotNet.Artifacts")));
}

if (options.RunsRoundTrip)
{
    figures.AddRange(await new RoundTripBenchmark().RunAsync().ConfigureAwait(false));
}

if (options.RunsEngine)
{
    figures.AddRange(await ChangeGuard.Benchmarks.Engine.EngineSuite.RunAsync(options.Suite).ConfigureAwait(false));
}

var report = new BenchmarkReport(options.Suite, machine, figures);
report.Write(options.OutputPath);
report.Print(Console.Out);
Console.WriteLine($"Result written to {options.OutputPath}");

var failed = figures.Any(f => f.Metric == "failures" && f.Value > 0);
return failed ? 1 : 0;
