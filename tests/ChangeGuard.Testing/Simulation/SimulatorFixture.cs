using ChangeGuard.Sae;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Testing.Simulation;

/// <summary>
/// A simulator on a free loopback port plus SAE clients pointed at it: the real HTTP path, signed for real.
/// Dispose to stop the simulator and the clients' containers.
/// </summary>
public sealed class SimulatorFixture : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    private SimulatorFixture(RunningSimulator simulator)
    {
        Simulator = simulator;
    }

    public RunningSimulator Simulator { get; }

    public Uri BaseAddress => Simulator.BaseAddress;

    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<SimulatorFixture> StartAsync(Scenario? scenario = null, TimeProvider? time = null, string? securityToken = null)
    {
        var simulator = await SaeSimulatorServer.StartAsync(new SimulatorOptions
        {
            Scenario = scenario,
            Time = time ?? TimeProvider.System,
            SecurityToken = securityToken,
        });
        return new SimulatorFixture(simulator);
    }

    public void Load(Scenario scenario) => Simulator.World.Load(scenario);

    /// <summary>A client signed with the simulator's key pair, fast retries, and logs captured in <see cref="Logs"/>.</summary>
    public ISaeClient CreateClient(Action<SaeClientOptions>? configure = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSaeClient(options =>
        {
            options.Endpoint = BaseAddress;
            options.AccessKeyId = Simulator.Options.AccessKeyId;
            options.AccessKeySecret = Simulator.Options.AccessKeySecret;
            options.SecurityToken = Simulator.Options.SecurityToken;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            options.Budget.CallsPerMinute = 0;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<ISaeClient>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}
