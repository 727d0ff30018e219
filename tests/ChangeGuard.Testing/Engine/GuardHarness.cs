using ChangeGuard.Hosting;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Logging;
using ChangeGuard.Testing.Simulation;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Guard;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Testing.Engine;

/// <summary>
/// The whole engine in one process: the engine that ships (<see cref="EmbeddedEngine"/>: the Durable Task sidecar with
/// its work-item limit, over the in-memory store) running ChangeGuard's orchestration and activities, whose SAE client
/// talks to a simulator over loopback. No fakes between the parts.
/// </summary>
public sealed class GuardHarness : IAsyncDisposable
{
    private GuardHarness(SimulatorFixture simulator, IHost host, CapturingLoggerProvider logs)
    {
        Simulator = simulator;
        Host = host;
        Logs = logs;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
        Watches = host.Services.GetRequiredService<WatchApiFactory>().Create(Client);
    }

    public SimulatorFixture Simulator { get; }

    /// <summary>The generic host holding the engine (sidecar over the in-memory store, worker, client) and ChangeGuard.</summary>
    public IHost Host { get; }

    public DurableTaskClient Client { get; }

    public WatchApi Watches { get; }

    /// <summary>Every payload the engine serialized into its history (inputs, outputs, custom status, events).</summary>
    public RecordingDataConverter Payloads { get; private init; } = new();

    /// <summary>Every log line of the engine, the activities and the SAE client.</summary>
    public CapturingLoggerProvider Logs { get; }

    public RollbackGuard Guard => Host.Services.GetRequiredService<RollbackGuard>();

    /// <summary>
    /// Starts the engine over a simulator playing <paramref name="scenario"/>; <paramref name="simulatorSettings"/> adds
    /// settings that need the simulator's address (a probe allow-list, for example).
    /// </summary>
    public static async Task<GuardHarness> StartAsync(
        Scenario scenario,
        IDictionary<string, string?>? settings = null,
        string? securityToken = null,
        Func<Uri, IDictionary<string, string?>>? simulatorSettings = null)
    {
        var simulator = await SimulatorFixture.StartAsync(scenario, securityToken: securityToken);
        var logs = new CapturingLoggerProvider();
        var values = new Dictionary<string, string?>
        {
            ["Sae:Endpoint"] = simulator.BaseAddress.ToString(),
            ["Sae:AccessKeyId"] = simulator.Simulator.Options.AccessKeyId,
            ["Sae:AccessKeySecret"] = simulator.Simulator.Options.AccessKeySecret,
            ["Sae:SecurityToken"] = securityToken,
            ["Sae:RetryBaseDelay"] = "00:00:00.010",
            ["Sae:MaxRetryDelay"] = "00:00:00.100",
            ["Sae:Budget:CallsPerMinute"] = "0",
        };
        foreach (var (key, value) in (settings ?? new Dictionary<string, string?>()).Concat(simulatorSettings?.Invoke(simulator.BaseAddress) ?? new Dictionary<string, string?>()))
        {
            values[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(logs);
        builder.Services.AddChangeGuardEngine(builder.Configuration);
        var payloads = new RecordingDataConverter();
        builder.Services.Configure<Microsoft.DurableTask.Worker.DurableTaskWorkerOptions>(o => o.DataConverter = payloads);
        builder.Services.Configure<DurableTaskClientOptions>(o => o.DataConverter = payloads);
        var host = builder.Build();
        await host.StartAsync();
        return new GuardHarness(simulator, host, logs) { Payloads = payloads };
    }

    /// <summary>Starts a watch with a fast test policy unless the request says otherwise.</summary>
    public async Task<WatchStart> StartWatchAsync(string changeOrderId, ChangeGuard.Domain.Policies.WatchPolicyOverrides? policy = null, string appId = "app-1", string regionId = "cn-hangzhou")
    {
        var result = await Watches.StartAsync(new WatchStartRequest
        {
            RegionId = regionId,
            AppId = appId,
            ChangeOrderId = changeOrderId,
            Policy = policy ?? Policies.Fast(),
            RequestedBy = "test",
        });
        if (result.Kind == WatchStartKind.Invalid)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        return result;
    }

    /// <summary>Waits (bounded) for a watch to end and returns its result.</summary>
    public async Task<WatchResult> WaitForResultAsync(string changeOrderId, TimeSpan? within = null)
    {
        using var cancel = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        var metadata = await Client.WaitForInstanceCompletionAsync(WatchIds.ForChangeOrder(changeOrderId), getInputsAndOutputs: true, cancel.Token);
        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"watch ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        }

        return metadata.ReadOutputAs<WatchResult>()!;
    }

    /// <summary>Waits (bounded) until a condition on the watch holds.</summary>
    public async Task<WatchView> WaitForWatchAsync(string changeOrderId, Func<WatchView, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var view = await Watches.GetAsync(changeOrderId);
            if (view is not null && condition(view))
            {
                return view;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"watch of {changeOrderId} did not reach the expected state; last: {view?.RuntimeStatus} {view?.Phase} {view?.LastHealth}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(stop.Token);
        Host.Dispose();
        await Simulator.DisposeAsync();
    }
}
