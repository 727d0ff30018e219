using System.Globalization;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Processes;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary>
/// What the durable <c>serve</c> tests share: one Azurite (the task hubs live there, so they outlive every serve
/// process) and one simulator in real time with an app per test run; each run creates its own change order.
/// </summary>
public sealed class DurableServeFixture : IAsyncLifetime
{
    /// <summary>Apps the scenario holds, one per run.</summary>
    public const int Apps = 16;

    private AzuriteProcess? _azurite;
    private SimulatorFixture? _simulator;

    /// <summary>The emulator.</summary>
    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("not started");

    /// <summary>The SAE simulator.</summary>
    public SimulatorFixture Simulator => _simulator ?? throw new InvalidOperationException("not started");

    /// <summary>The app of run <paramref name="run"/>.</summary>
    public static string AppOf(int run) => "app-durable-" + run.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Settings for a serve process on task hub <paramref name="taskHub"/>: environment variables, never arguments.</summary>
    public IReadOnlyDictionary<string, string> Environment(string taskHub)
    {
        var environment = ServeProcess.AzureStorageEnvironment(
            Simulator.BaseAddress, Simulator.Simulator.Options.AccessKeyId, Simulator.Simulator.Options.AccessKeySecret,
            Azurite.ConnectionString, taskHub, "durable-serve-test");

        // Quick enough for a test: idle queues read twice a second, a dead process's messages back after 5 s.
        environment["ChangeGuard__Engine__MaxQueuePollingInterval"] = "00:00:00.500";
        environment["ChangeGuard__Engine__MessageVisibilityTimeout"] = "00:00:05";
        return environment;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        var scenario = new ScenarioBuilder().Named("durable-serve");
        for (var run = 0; run < Apps; run++)
        {
            scenario.WithApp(AppOf(run));
        }

        _simulator = await SimulatorFixture.StartAsync(scenario.Build());
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
