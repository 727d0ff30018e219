using ChangeGuard.Hosting;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Signals;

namespace ChangeGuard.EndToEnd.Tests.Signals;

/// <summary>
/// The engine, the simulator and a real Prometheus scraping it every second: the Prometheus port is chosen first so
/// ChangeGuard can be configured with it, and the scenario restarts once Prometheus scrapes, so its clock counts from
/// there.
/// </summary>
internal sealed class PrometheusWatch : IAsyncDisposable
{
    /// <summary>ARMS-style error rate of the app: failed over all requests in the window's 15 s buckets.</summary>
    public const string ErrorRateQuery =
        "sum(sum_over_time(arms_app_requests_error_count_raw{service=\"{{appName}}\"}[{{window}}])) / sum(sum_over_time(arms_app_requests_count_raw{service=\"{{appName}}\"}[{{window}}]))";

    /// <summary>ARMS-style average latency in seconds over the window.</summary>
    public const string LatencyQuery =
        "sum(sum_over_time(arms_app_requests_seconds_raw{service=\"{{appName}}\"}[{{window}}])) / sum(sum_over_time(arms_app_requests_count_raw{service=\"{{appName}}\"}[{{window}}]))";

    private PrometheusWatch(GuardHarness harness, PrometheusServer? prometheus)
    {
        Harness = harness;
        Prometheus = prometheus;
    }

    public GuardHarness Harness { get; }

    public PrometheusServer? Prometheus { get; }

    /// <summary>Starts everything; <paramref name="prometheusRunning"/> false configures a server that never starts.</summary>
    public static async Task<PrometheusWatch> StartAsync(Scenario scenario, SignalSettings? settings = null, bool prometheusRunning = true)
    {
        var port = LoopbackPort.Next();
        var configured = (settings ?? new SignalSettings()).Prometheus("prom", PrometheusServer.AddressOf(port));
        // Until Prometheus has scraped, the scenario barely moves: a slow start must not let the fault's samples into the
        // first query's window. The scenario then plays from its start at its own pace.
        var harness = await GuardHarness.StartAsync(scenario with { TimeScale = 0.001 }, configured.Build());
        if (!prometheusRunning)
        {
            return new PrometheusWatch(harness, null);
        }

        try
        {
            var prometheus = await PrometheusServer.StartAsync(harness.Simulator.BaseAddress, port);
            await prometheus.WaitForSeriesAsync("arms_app_requests_count_raw");
            harness.Simulator.Load(scenario);
            return new PrometheusWatch(harness, prometheus);
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
        }
    }
}
