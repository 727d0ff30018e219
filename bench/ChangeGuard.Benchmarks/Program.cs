using ChangeGuard.Benchmarks;
using ChangeGuard.Benchmarks.Budget;
using ChangeGuard.Benchmarks.Detection;
using ChangeGuard.Benchmarks.Restart;

var root = RepositoryRoot.Find();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"changeguard-bench: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var machine = MachineFacts.Current();
var clientFigures = new List<Figure>();
if (options.RunsSigning)
{
    clientFigures.AddRange(SigningRun.Run(Path.Combine(root, "bench", "BenchmarkDotNet.Artifacts")));
}

if (options.RunsRoundTrip)
{
    clientFigures.AddRange(await new RoundTripBenchmark().RunAsync().ConfigureAwait(false));
}

var budgetFigures = new List<Figure>();
if (options.RunsBudget)
{
    budgetFigures.AddRange(await (options.BudgetParts is { } parts ? new BudgetBenchmark { Parts = parts } : new BudgetBenchmark()).RunAsync().ConfigureAwait(false));
}

var detectionFigures = new List<Figure>();
if (options.RunsDetection)
{
    detectionFigures.AddRange(await new DetectionBenchmark().RunAsync().ConfigureAwait(false));
}

var restartFigures = new List<Figure>();
if (options.RunsRestart)
{
    restartFigures.AddRange(await new RestartBenchmark().RunAsync().ConfigureAwait(false));
}

var engineFigures = new List<Figure>();
if (options.RunsEngine)
{
    engineFigures.AddRange(await ChangeGuard.Benchmarks.Engine.EngineSuite.RunAsync(options.Suite).ConfigureAwait(false));
}

// Without --out each part keeps its own result file, so a budget run never rewrites the client figures.
string[] notes =
[
    .. options.RunsBudget ? [BudgetBenchmark.Note] : Array.Empty<string>(),
    .. options.RunsDetection ? [DetectionBenchmark.Note] : Array.Empty<string>(),
    .. options.RunsRestart ? [RestartBenchmark.Note] : Array.Empty<string>(),
];
var reports = new List<(string File, BenchmarkReport Report)>();
if (options.OutputPath is { } path)
{
    reports.Add((path, new BenchmarkReport(options.Suite, machine, [.. clientFigures, .. budgetFigures, .. detectionFigures, .. restartFigures, .. engineFigures], notes)));
}
else
{
    if (clientFigures.Count > 0)
    {
        reports.Add((Path.Combine(root, BenchOptions.DefaultOutput), new BenchmarkReport(options.Suite, machine, clientFigures)));
    }

    if (budgetFigures.Count > 0)
    {
        reports.Add((Path.Combine(root, BenchOptions.DefaultBudgetOutput), new BenchmarkReport(options.Suite, machine, budgetFigures, [BudgetBenchmark.Note])));
    }

    if (detectionFigures.Count > 0)
    {
        reports.Add((Path.Combine(root, BenchOptions.DefaultDetectionOutput), new BenchmarkReport(options.Suite, machine, detectionFigures, [DetectionBenchmark.Note])));
    }

    if (restartFigures.Count > 0)
    {
        reports.Add((Path.Combine(root, BenchOptions.DefaultRestartOutput), new BenchmarkReport(options.Suite, machine, restartFigures, [RestartBenchmark.Note])));
    }

    if (engineFigures.Count > 0)
    {
        reports.Add((Path.Combine(root, ChangeGuard.Benchmarks.Engine.EngineSuite.DefaultOutput), new BenchmarkReport(options.Suite, machine, engineFigures)));
    }
}

foreach (var (file, report) in reports)
{
    report.Write(file);
    report.Print(Console.Out);
    Console.WriteLine($"Result written to {file}");
}

var failed = reports.SelectMany(r => r.Report.Figures).Any(f => f.Metric == "failures" && f.Value > 0);
return failed ? 1 : 0;
