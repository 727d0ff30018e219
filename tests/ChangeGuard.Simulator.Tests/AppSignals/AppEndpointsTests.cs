using System.Net;
using System.Text.Json;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace ChangeGuard.Simulator.Tests.AppSignals;

public sealed class AppEndpointsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly HttpClient _http = new();
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync()
    {
        var scenario = new ScenarioBuilder()
            .WithApp("app-1", a => a.WithReplicas(2)
                .WithTraffic(new TrafficDefinition { RequestsPerSecond = 20, ErrorRate = 0, LatencyMs = 100 })
                .WithProbe(
                    new ProbeAnswerDefinition { Json = JsonDocument.Parse("""{"ok":true}""").RootElement.Clone() },
                    new ProbeAnswerDefinition { FromSecond = 30, Status = 503, Text = "<html>down</html>" })
                .WithChangeOrder("co-1", o => o with
                {
                    Batches = [ChangeOrders.MetricsBatch(1, 600, new MetricsPhase { FromSecond = 10, ErrorRate = 0.08, LatencyMs = 900 })],
                }))
            .Build();
        _sim = await SimulatorFixture.StartAsync(scenario, _time);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private async Task<string> MetricsAsync(string path = "/metrics")
    {
        using var response = await _http.GetAsync(new Uri(_sim.BaseAddress, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Metrics_BatchPhaseReached_NewInstanceServesItsErrorRateAndLatency()
    {
        // Arrange
        _time.Advance(TimeSpan.FromSeconds(11));

        // Act
        var text = await MetricsAsync("/apps/app-1/metrics");

        // Assert
        Assert.Contains("# TYPE arms_app_requests_count_raw gauge", text, StringComparison.Ordinal);
        Assert.Contains("arms_app_requests_count_raw{pid=\"app-1@sim\",service=\"app-1\",serverIp=\"10.0.0.1\",source=\"apm\",callKind=\"http\"} 150", text, StringComparison.Ordinal);
        Assert.Contains("arms_app_requests_error_count_raw{pid=\"app-1@sim\",service=\"app-1\",serverIp=\"10.0.0.1\",source=\"apm\",callKind=\"http\"} 12", text, StringComparison.Ordinal);
        Assert.Contains("arms_app_requests_seconds_raw{pid=\"app-1@sim\",service=\"app-1\",serverIp=\"10.0.0.1\",source=\"apm\",callKind=\"http\"} 135", text, StringComparison.Ordinal);
        Assert.Contains("arms_app_requests_error_count_raw{pid=\"app-1@sim\",service=\"app-1\",serverIp=\"10.0.0.2\",source=\"apm\",callKind=\"http\"} 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ScrapedTwice_CountersGrowWithTheTraffic()
    {
        // Arrange
        await MetricsAsync();
        _time.Advance(TimeSpan.FromSeconds(5));

        // Act
        var text = await MetricsAsync();

        // Assert
        Assert.Contains("# TYPE http_requests_total counter", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_total{app=\"app-1\",app_id=\"app-1\",pod=\"app-1-2-0-0-0\",code=\"200\"} 50", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_count{app=\"app-1\",app_id=\"app-1\",pod=\"app-1-2-0-0-0\"} 50", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_UnknownApp_Answers404()
    {
        // Act
        using var response = await _http.GetAsync(new Uri(_sim.BaseAddress, "/apps/nope/metrics"));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Probe_ScriptedAnswers_FollowTheOrdersClock()
    {
        // Arrange
        using var before = await _http.PostAsync(new Uri(_sim.BaseAddress, "/apps/app-1/probe"), new StringContent("""{"name":"app-1"}"""));
        var first = await before.Content.ReadAsStringAsync();
        _time.Advance(TimeSpan.FromSeconds(31));

        // Act
        using var after = await _http.GetAsync(new Uri(_sim.BaseAddress, "/apps/app-1/probe"));
        var recorded = JsonSerializer.Deserialize<string[]>(await _http.GetStringAsync(new Uri(_sim.BaseAddress, "/_sim/apps/app-1/probe-requests")));

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("""{"ok":true}""", first);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal("text/html", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["""{"name":"app-1"}""", string.Empty], recorded!);
    }

    [Fact]
    public void Parse_BadTrafficAndMetrics_NamesTheField()
    {
        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(
            """{"apps":[{"appId":"a","traffic":{"errorRate":2},"changeOrders":[{"batches":[{"metrics":[{"errorRate":-1}]}]}]}]}"""));

        // Assert
        Assert.Contains("apps[0].traffic.errorRate", error.Message, StringComparison.Ordinal);
    }
}
