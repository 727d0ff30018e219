using ChangeGuard.Watching;
using ChangeGuard.Watching.Guard;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Hosting;

/// <summary>
/// ChangeGuard's engine in this process: the same orchestration and activities the Functions app runs, on the
/// in-memory Durable Task engine with a work-item limit sized for thousands of watches (see
/// <see cref="EngineServiceCollectionExtensions"/>), with settings from the environment and the command line.
/// </summary>
public sealed class EmbeddedEngine : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedEngine(IHost host)
    {
        _host = host;
        Services = host.Services;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
        Watches = host.Services.GetRequiredService<WatchApiFactory>().Create(Client);
    }

    /// <summary>The engine's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The Durable Task client.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The watch API over this engine.</summary>
    public WatchApi Watches { get; }

    /// <summary>The rollback guard.</summary>
    public RollbackGuard Guard => Services.GetRequiredService<RollbackGuard>();

    /// <summary>Starts an engine; settings override the environment (<c>Sae__Endpoint</c> and so on).</summary>
    public static async Task<EmbeddedEngine> StartAsync(IReadOnlyDictionary<string, string?> settings, bool verbose, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddEnvironmentVariables().AddInMemoryCollection(settings);
        ConfigureLogging(builder.Logging, verbose);
        builder.Services.AddChangeGuardEngine(builder.Configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new EmbeddedEngine(host);
    }

    /// <summary>
    /// Quiet unless <c>--verbose</c>: then ChangeGuard's own log lines (and others' warnings) go to standard error, one
    /// line each, through the console logger, so standard output keeps only what a command prints.
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.None);
        if (verbose)
        {
            logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning);
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
            });
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _host.StopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _host.Dispose();
    }
}
