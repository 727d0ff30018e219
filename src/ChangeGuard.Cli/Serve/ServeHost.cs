using ChangeGuard.Cli.Terminal;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Hosting;
using ChangeGuard.Http;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Guard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChangeGuard.Cli.Serve;

/// <summary>
/// <c>serve</c>'s web host: the same routes, bodies and status codes as the Functions app (both call
/// <see cref="WatchHttpHandlers"/>), the rollback guard on its schedule, and the embedded engine.
/// </summary>
public static class ServeHost
{
    /// <summary>How long a stopping server gives work in flight: the process ends within 5 s of SIGTERM.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    /// <summary>ChangeGuard's own metrics in Prometheus' text format, behind the key like the API.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// ChangeGuard's meter at <see cref="MetricsPath"/>; with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, its metrics and a trace
    /// per poll also go over OTLP.
    /// </summary>
    public static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(ChangeGuardTelemetry.Name).AddPrometheusExporter())
            .WithTracing(tracing => tracing.AddSource(ChangeGuardTelemetry.Name));
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>Where the browser dashboard is served (<c>/</c> redirects there).</summary>
    public const string DashboardPath = "/dashboard/";

    private static bool IsDashboard(PathString path) => path == "/" || path.StartsWithSegments("/dashboard", StringComparison.Ordinal);

    /// <summary>The liveness path, answered without a key.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>The setting listing host names requests may name besides loopback and the served host.</summary>
    public const string AllowedHostsSetting = "ChangeGuard:Http:AllowedHosts";

    /// <summary>
    /// The host names requests may name: the served host and <see cref="AllowedHostsSetting"/>; null (any) for a server
    /// bound to every address with none configured, which its API key protects.
    /// </summary>
    public static IReadOnlyList<string>? AllowedHosts(BindAddress address, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(AllowedHostsSetting).Get<string[]>() ?? [];
        var wildcard = address.Url.Host is "0.0.0.0" or "[::]";
        return wildcard && configured.Length == 0 ? null : [.. configured, .. wildcard ? [] : new[] { address.Url.Host }];
    }

    /// <summary>
    /// A server's logs on standard error, one line each: every request and every guard report at Information, and
    /// everyone's warnings; with <c>--verbose</c>, ChangeGuard's Information lines too.
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning);
        logging.AddFilter(RequestLogging.Category, LogLevel.Information);
        logging.AddFilter(typeof(RollbackGuard).FullName, LogLevel.Information);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
    }

    /// <summary>Builds the host; <paramref name="apiKey"/> is required when the address is not loopback.</summary>
    public static WebApplication Build(BindAddress address, ApiKey? apiKey, IReadOnlyDictionary<string, string?> settings, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsLoopback && apiKey is null)
        {
            throw new BadInputException($"serving on {address.Url} (not loopback) requires --api-key-file");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Configuration.AddEnvironmentVariables().AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(address.Url.GetLeftPart(UriPartial.Authority));
        ConfigureLogging(builder.Logging, verbose);
        builder.Services.AddChangeGuardEngine(builder.Configuration);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<WatchApiFactory>().Create(sp.GetRequiredService<DurableTaskClient>()));
        builder.Services.AddHostedService<GuardLoop>();
        builder.Services.AddHostedService<RetentionLoop>();
        builder.Services.AddHostedService<CensusLoop>();
        builder.Services.AddProblemDetails();
        AddTelemetry(builder.Services, builder.Configuration);
        // A service manager waits a few seconds after SIGTERM: in-flight work gets 4 s, then its messages are left
        // for the next start (a durable store hands them out again after the message visibility timeout).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        // Kestrel answers an over-long request line itself, with an empty body; the limit below answers it as a problem.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = 64 * 1024);

        var app = builder.Build();
        app.Use(RequestLogging.Middleware(app.Services.GetRequiredService<ILoggerFactory>()));
        app.UseStatusCodePages();
        app.Use(RequestLimits.Guard);
        app.Use(new BrowserRequestGuard(AllowedHosts(address, builder.Configuration)).Guard);
        if (apiKey is not null)
        {
            // The liveness probe needs no key: it answers "ok" and nothing else.
            // The dashboard's files hold no data: the page asks for the key and sends it with each API call.
            app.UseWhen(context => !context.Request.Path.Equals(HealthPath, StringComparison.Ordinal) && !IsDashboard(context.Request.Path),
                keyed => keyed.Use(apiKey.Require));
        }

        app.MapWatchApi();
        app.MapGet(HealthPath, () => Results.Text("ok"));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.MapGet("/", () => Results.Redirect(DashboardPath));
        app.MapGet(DashboardPath + "{file?}", (HttpRequest request, string? file) => DashboardFiles.ServeAsync(request, file));
        return app;
    }
}
