using ChangeGuard.Domain.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChangeGuard.Functions.Telemetry;

/// <summary>
/// The worker's telemetry, wired the way the isolated worker documents it and off unless configured, so that a local
/// run or a test sends nothing anywhere: Application Insights when <see cref="ApplicationInsightsSetting"/> is set
/// (as Azure sets it for an app with Application Insights), OpenTelemetry over OTLP when <see cref="OtlpEndpointSetting"/>
/// is set. The host's own telemetry is configured in host.json, not here.
/// </summary>
public static class WorkerTelemetry
{
    /// <summary>The app setting holding the Application Insights connection string.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The app setting holding the OTLP endpoint (a collector, or any OTLP backend).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The logger provider Application Insights adds, with a default rule that keeps only warnings.</summary>
    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>Adds what the configuration asks for, and nothing when it asks for nothing.</summary>
    public static IServiceCollection AddChangeGuardTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsSetting]))
        {
            services.AddApplicationInsightsTelemetryWorkerService();
            services.ConfigureFunctionsApplicationInsights();

            // The SDK's default rule drops information logs; host.json's levels decide instead, as for the host.
            services.Configure<LoggerFilterOptions>(options =>
            {
                var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsLoggerProvider);
                if (rule is not null)
                {
                    options.Rules.Remove(rule);
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            services.AddOpenTelemetry()
                .UseFunctionsWorkerDefaults()
                .WithMetrics(metrics => metrics.AddMeter(ChangeGuardTelemetry.Name))
                .WithTracing(tracing => tracing.AddSource(ChangeGuardTelemetry.Name))
                .UseOtlpExporter();
        }

        return services;
    }
}
