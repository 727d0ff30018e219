using System.Diagnostics;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>
/// One hosted app shared by the tests of <see cref="HostCollection"/>: a host starts in seconds, not milliseconds, so
/// the app starts once (on first use, so that nothing starts when the tests are skipped) and
/// <see cref="ResetAsync"/> gives each test a clean task hub and a fresh scenario.
/// </summary>
public sealed class SharedHostedApp : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HostedApp? _app;

    /// <summary>
    /// The app with every watch of the previous test terminated and purged, the simulator playing
    /// <paramref name="scenario"/> and its request log emptied.
    /// </summary>
    public async Task<HostedApp> ResetAsync(Scenario scenario)
    {
        await _gate.WaitAsync();
        try
        {
            _app ??= await HostedApp.StartAsync(new ScenarioBuilder().Build());
            using var client = new FunctionsHostClient(_app.Hosts[0].BaseAddress, _app.Keys);
            await ClearTaskHubAsync(client);
            _app.Simulator.Load(scenario);
            _app.Simulator.Simulator.Log.Clear();
            return _app;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Stops the app; xunit 2 disposes a collection fixture through <see cref="IAsyncLifetime"/>, not IAsyncDisposable.</summary>
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _gate.Dispose();
    }

    private static async Task ClearTaskHubAsync(FunctionsHostClient client)
    {
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (true)
        {
            var instances = await client.ListInstancesAsync();
            if (instances.Count == 0)
            {
                return;
            }

            foreach (var (id, status) in instances)
            {
                _ = status is "Running" or "Pending" or "Suspended"
                    ? await client.TerminateAsync(id)
                    : await client.PurgeAsync(id);
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the task hub still holds {instances.Count} instances after 60 s");
            }

            await Task.Delay(100);
        }
    }
}
