using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ChangeGuard.Benchmarks;

/// <summary>
/// Runs <see cref="SigningBenchmarks"/> under BenchmarkDotNet with a short in-process job (no child build, so a
/// 2-core machine finishes in well under a minute) and turns the summary into <see cref="Figure"/>s.
/// </summary>
public static class SigningRun
{
    /// <summary>Runs the signing benchmarks; BenchmarkDotNet's own reports go under <paramref name="artifactsPath"/>.</summary>
    public static IReadOnlyList<Figure> Run(string artifactsPath)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithId("Short8");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .WithArtifactsPath(artifactsPath)
            .WithOptions(ConfigOptions.DisableLogFile);

        var summary = BenchmarkRunner.Run<SigningBenchmarks>(config);
        if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
        {
            throw new InvalidOperationException("the signing benchmarks did not run cleanly; see the BenchmarkDotNet output above.");
        }

        var figures = new List<Figure>();
        foreach (var report in summary.Reports)
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var group = $"signing/{name}";
            var stats = report.ResultStatistics
                ?? throw new InvalidOperationException($"{name} produced no statistics.");
            figures.Add(new Figure(group, "mean", Math.Round(stats.Mean, 1), "ns/op"));
            figures.Add(new Figure(group, "median", Math.Round(stats.Median, 1), "ns/op"));
            figures.Add(new Figure(group, "stddev", Math.Round(stats.StandardDeviation, 1), "ns/op"));
            if (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes)
            {
                figures.Add(new Figure(group, "allocated", bytes, "B/op"));
            }

            figures.Add(new Figure(group, "gen0", Math.Round(report.GcStats.Gen0Collections * 1000.0 / report.GcStats.TotalOperations, 4), "collections/1k op"));
        }

        return figures;
    }
}
