using ChangeGuard.Sae;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Logging;

namespace ChangeGuard.Testing.Simulation;

/// <summary>
/// A simulator on a free loopback port plus SAE clients pointed at it: the real HTTP path, signed for real.
/// Dispose to stop the simulator and the clients' containers.
/// </summary>
public sealed class SimulatorFixture : IAsyncDisposable
{
    private readonly SaeTestClients _clients = new();

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
    public ISaeClient CreateClient(Action<SaeClientOptions>? configure = null, TimeProvider? time = null) =>
        _clients.Create(BaseAddress, Simulator.Options.AccessKeyId, Simulator.Options.AccessKeySecret, Simulator.Options.SecurityToken, configure, Logs, time);

    public async ValueTask DisposeAsync()
    {
        await _clients.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
