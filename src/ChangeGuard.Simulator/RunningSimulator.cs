using ChangeGuard.Simulator.Api;
using ChangeGuard.Simulator.Model;

namespace ChangeGuard.Simulator;

/// <summary>A started simulator: where it listens, its world and its request log. Dispose to stop it.</summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningSimulator(WebApplication app, Uri baseAddress, SimulatedWorld world, RequestLog log, SimulatorOptions options)
    {
        _app = app;
        BaseAddress = baseAddress;
        World = world;
        Log = log;
        Options = options;
    }

    /// <summary>The address to use as the SAE endpoint, such as <c>http://127.0.0.1:18080</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The simulated world, for in-process tests.</summary>
    public SimulatedWorld World { get; }

    /// <summary>Every answered call.</summary>
    public RequestLog Log { get; }

    /// <summary>The options the simulator runs with.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>Waits until the simulator stops (Ctrl+C when run as a program).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
