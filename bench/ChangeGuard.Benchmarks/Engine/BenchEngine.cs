using ChangeGuard.Hosting;
using ChangeGuard.Watching;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// The CLI's embedded engine (<see cref="EngineServiceCollectionExtensions.AddChangeGuardEngine"/>)
/// with the bench's bare loop registered next to the watch, pointed at a simulator with the SAE call budget off:
/// the engine and the watch exactly as shipped, quiet, with nothing but the bench added.
/// </summary>
public sealed class BenchEngine : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchEngine(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
        Watches = host.Services.GetRequiredService<WatchApiFactory>().Create(Client);
        Polls = host.Services.GetRequiredService<BarePollRecorder>();
        PollsPerGeneration = host.Services.GetRequiredService<IOptions<ChangeGuardOptions>>().Value.PollsPerGeneration;
    }

    /// <summary>Polls per history generation the watches use; the bare loops use the same.</summary>
    public int PollsPerGeneration { get; }

    /// <summary>The Durable client.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The watch API, as the CLI and <c>serve</c> use it.</summary>
    public WatchApi Watches { get; }

    /// <summary>What the bare loops' no-op activity saw.</summary>
    public BarePollRecorder Polls { get; }

    /// <summary>Starts an engine against the simulator at <paramref name="saeEndpoint"/>.</summary>
    public static async Task<BenchEngine> StartAsync(Uri saeEndpoint, string accessKeyId, string accessKeySecret, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sae:Endpoint"] = saeEndpoint.ToString(),
            ["Sae:AccessKeyId"] = accessKeyId,
            ["Sae:AccessKeySecret"] = accessKeySecret,
            ["Sae:Budget:CallsPerMinute"] = "0",
        });

        // Lets a run try another limit without a rebuild: ChangeGuard__Engine__WorkItemConcurrency=...
        builder.Configuration.AddEnvironmentVariables();
        EmbeddedEngine.ConfigureLogging(builder.Logging, verbose: false);
        builder.Services.AddSingleton<BarePollRecorder>();
        builder.Services.AddChangeGuardEngine(builder.Configuration, registry => registry
            .AddOrchestrator<BareLoopOrchestrator>()
            .AddActivity<NoOpActivity>());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new BenchEngine(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
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
