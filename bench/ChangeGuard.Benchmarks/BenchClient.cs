using ChangeGuard.Sae;
using ChangeGuard.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChangeGuard.Benchmarks;

/// <summary>
/// The production client wiring (<see cref="SaeServiceCollectionExtensions.AddSaeClient"/>) pointed at a simulator,
/// with logging replaced by null loggers so the figures are the client's, not a logger's.
/// </summary>
public sealed class BenchClient : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BenchClient(ServiceProvider provider)
    {
        _provider = provider;
        Client = provider.GetRequiredService<ISaeClient>();
    }

    /// <summary>The client under measurement.</summary>
    public ISaeClient Client { get; }

    /// <summary>
    /// Builds a client signed with the simulator's key pair; one attempt per call so a failure is counted, not hidden
    /// by a retry, and no call budget.
    /// </summary>
    public static BenchClient For(RunningSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSaeClient(configure: options =>
        {
            options.Endpoint = simulator.BaseAddress;
            options.AccessKeyId = simulator.Options.AccessKeyId;
            options.AccessKeySecret = simulator.Options.AccessKeySecret;
            options.SecurityToken = simulator.Options.SecurityToken;
            options.MaxReadAttempts = 1;

            // The figures are the client's own cost: no call budget pacing the calls.
            options.Budget.CallsPerMinute = 0;
        });
        return new BenchClient(services.BuildServiceProvider());
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
