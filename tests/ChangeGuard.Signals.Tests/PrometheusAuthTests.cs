using System.Text;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Notifications;
using ChangeGuard.Testing.Signals;

namespace ChangeGuard.Signals.Tests;

/// <summary>
/// What reaches a Prometheus API over loopback: the query as a form POST to <c>/api/v1/query</c> with placeholders
/// filled, and the configured credentials as ARMS expects them (Basic for V2, the raw token for V1).
/// </summary>
public sealed class PrometheusAuthTests
{
    private const string Vector = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"0.01"]}]}}""";
    private static readonly SignalContext Context = new("cn-hangzhou", "app-1", "co-1", "checkout");

    private static async Task<ReceivedRequest> QueryAsync(Func<Uri, SignalSettings> configure, string server)
    {
        await using var receiver = await LoopbackReceiver.StartAsync(ReceiverAnswer.Ok(Vector));
        using var services = WatchingServices.Create(configure(new Uri(receiver.BaseAddress, "/api/v1/prometheus/instance-1")).Build());
        var signal = SignalBuilder.Prometheus("errors", "sum(x{service=\"{{appName}}\"}[{{window}}])", 0.05, server: server, window: TimeSpan.FromMinutes(2));
        var measured = Assert.Single(await services.Get<SignalReader>().ReadAsync(Context, [signal]));
        Assert.Equal(MeasurementKind.Value, measured.Kind);
        return Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task ReadAsync_BasicAuthServer_PostsTheFilledQueryWithBasicCredentials()
    {
        // Act
        var request = await QueryAsync(url => new SignalSettings().Prometheus("arms-v2", url, "LTAI-id", "ak-secret"), "arms-v2");

        // Assert
        Assert.Equal("/api/v1/prometheus/instance-1/api/v1/query", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("LTAI-id:ak-secret")), request.Header("Authorization"));
        Assert.Equal("query=" + Uri.EscapeDataString("sum(x{service=\"checkout\"}[2m])").Replace("%20", "+", StringComparison.Ordinal), request.Text);
    }

    [Fact]
    public async Task ReadAsync_TokenServer_SendsTheTokenRaw()
    {
        // Act
        var request = await QueryAsync(url => new SignalSettings().Prometheus("arms-v1", url, token: "v1-token"), "arms-v1");

        // Assert
        Assert.Equal("v1-token", request.Header("Authorization"));
    }
}
