using ChangeGuard.Functions.Telemetry;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Configuration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace ChangeGuard.Functions.Tests.Telemetry;

public sealed class WorkerTelemetryTests
{
    /// <summary>A connection string of the right shape that points nowhere reachable.</summary>
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    /// <summary>The worker's host as Program.cs builds it, with only <paramref name="settings"/> as configuration.</summary>
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddChangeGuardTelemetry(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public void AddChangeGuardTelemetry_NothingConfigured_AddsNeitherApplicationInsightsNorOpenTelemetry()
    {
        // Act
        using var host = Build();

        // Assert
        Assert.Null(host.Services.GetService<TelemetryClient>());
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void AddChangeGuardTelemetry_ConnectionStringSet_AddsApplicationInsights()
    {
        // Act
        using var host = Build((WorkerTelemetry.ApplicationInsightsSetting, ConnectionString));

        // Assert
        Assert.NotNull(host.Services.GetService<TelemetryClient>());
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void AddChangeGuardTelemetry_OtlpEndpointSet_AddsOpenTelemetryTracing()
    {
        // Act
        using var host = Build((WorkerTelemetry.OtlpEndpointSetting, "http://127.0.0.1:4317"));

        // Assert
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<TelemetryClient>());
    }
}
