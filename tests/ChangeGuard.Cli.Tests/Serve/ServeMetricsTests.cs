using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Http;
using ChangeGuard.Testing.Signals;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary><c>serve</c>'s own metrics at <c>/metrics</c>, scraped by a real Prometheus.</summary>
public sealed class ServeMetricsTests
{
    private static Scenario LongRunning() => new ScenarioBuilder()
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(2, 36_000)] }))
        .Build();

    [Fact]
    public async Task Metrics_WatchPolling_ExposesPollsAndSaeCallsInPrometheusFormat()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(LongRunning());
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody)).Status);
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Act
        var metrics = await host.SendAsync(HttpMethod.Get, "/metrics");

        // Assert
        Assert.Equal(200, metrics.Status);
        Assert.Contains("changeguard_polls_total", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("changeguard_sae_calls_total", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("changeguard_watches_started_total", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("changeguard_watches_active{otel_scope_name=\"ChangeGuard\",state=\"watching\"}", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("changeguard_sae_budget_tokens{", metrics.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Simulator.Simulator.Options.AccessKeySecret, metrics.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ScrapedByPrometheus_PollsAreQueryable()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(LongRunning());
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody)).Status);

        // Act
        await using var prometheus = await PrometheusServer.StartAsync(host.Address);

        // Assert: the queries docs/operations.md's alerts build on
        await prometheus.WaitForSeriesAsync("changeguard_polls_total{verdict=\"Healthy\"}", TimeSpan.FromSeconds(30));
        await prometheus.WaitForSeriesAsync("changeguard_sae_calls_total{api=\"DescribeChangeOrder\",result=\"ok\"}", TimeSpan.FromSeconds(30));
        await prometheus.WaitForSeriesAsync("changeguard_watches_active{state=\"aborting\"}", TimeSpan.FromSeconds(30));
    }
}
