using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Api;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// The simulator in the bench's own process (<see cref="SaeSimulatorServer.StartAsync"/>): its work competes with the
/// engine for the same cores and heap, the harder case for lateness; its processor time cannot be told apart.
/// </summary>
public sealed class InProcessSaeFake : ISaeFake
{
    private InProcessSaeFake(RunningSimulator simulator) => Simulator = simulator;

    /// <summary>The simulator, for its world (fault times).</summary>
    public RunningSimulator Simulator { get; }

    /// <inheritdoc />
    public Uri BaseAddress => Simulator.BaseAddress;

    /// <inheritdoc />
    public string AccessKeyId => Simulator.Options.AccessKeyId;

    /// <inheritdoc />
    public string AccessKeySecret => Simulator.Options.AccessKeySecret;

    /// <inheritdoc />
    public TimeSpan? ProcessorTime => null;

    /// <summary>Starts a simulator playing <paramref name="scenario"/>.</summary>
    public static async Task<InProcessSaeFake> StartAsync(Scenario scenario, CancellationToken cancellationToken) =>
        new(await SaeSimulatorServer.StartAsync(new SimulatorOptions { Port = 0, Scenario = scenario }, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<IReadOnlyList<RequestLogEntry>> ReadAsync(string? action, long after, CancellationToken cancellationToken) =>
        Task.FromResult(Simulator.Log.Read(action, after));

    /// <inheritdoc />
    public Task ClearAsync(CancellationToken cancellationToken)
    {
        Simulator.Log.Clear();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
