using ChangeGuard.Hosting;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Processes;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>
/// The Functions app deployed as in Azure, on this machine: Azurite for storage, the SAE simulator, and one or more
/// real hosts running the app's build output on one task hub with one set of keys (a scaled-out app).
/// </summary>
public sealed class HostedApp : IAsyncDisposable
{
    private readonly List<FunctionsHostProcess> _hosts = [];
    private readonly List<FunctionsHostClient> _clients = [];
    private readonly HostedAppSettings _settings;
    private readonly string _secrets;
    private int _started;

    private HostedApp(AzuriteProcess storage, SimulatorFixture simulator, HostedAppSettings settings, string secrets)
    {
        Storage = storage;
        Simulator = simulator;
        _settings = settings;
        _secrets = secrets;
    }

    /// <summary>The task hub every host of the app shares.</summary>
    public const string TaskHub = "ChangeGuardTests";

    /// <summary>The storage emulator the task hub lives in.</summary>
    public AzuriteProcess Storage { get; }

    /// <summary>The SAE simulator the app's SAE client talks to.</summary>
    public SimulatorFixture Simulator { get; }

    /// <summary>The hosts started so far, killed ones included.</summary>
    public IReadOnlyList<FunctionsHostProcess> Hosts => _hosts;

    /// <summary>The keys every host of the app accepts.</summary>
    public HostKeys Keys { get; private set; } = HostKeys.None;

    /// <summary>The simulator's AccessKey secret, which must never show in what the app logs or answers.</summary>
    public string Secret => Simulator.Simulator.Options.AccessKeySecret;

    /// <summary>
    /// Starts storage, the simulator playing <paramref name="scenario"/>, and <paramref name="hosts"/> hosts, each
    /// serving before the next starts (none: a test launches its own with <see cref="LaunchHostAsync"/>).
    /// </summary>
    public static async Task<HostedApp> StartAsync(Scenario scenario, Action<HostedAppSettings>? configure = null, int hosts = 1)
    {
        var installation = Installation();
        var storage = await AzuriteProcess.StartAsync();
        var simulator = await SimulatorFixture.StartAsync(scenario);
        var options = simulator.Simulator.Options;
        var settings = new HostedAppSettings(simulator.BaseAddress, options.AccessKeyId, options.AccessKeySecret, storage.ConnectionString, TaskHub);
        configure?.Invoke(settings);
        var secrets = Directory.CreateTempSubdirectory("changeguard-host-keys-").FullName;
        var app = new HostedApp(storage, simulator, settings, secrets);
        try
        {
            // The first host writes the keys; the others read the same file, as instances of one app share keys.
            for (var i = 0; i < hosts; i++)
            {
                await app.StartHostAsync(installation, waitUntilServing: true);
                if (i == 0 && installation.ChecksKeys)
                {
                    app.Keys = await HostKeys.ReadAsync(secrets);
                }
            }
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more host on the same task hub, storage and keys: a scale-out, or a restart after a crash.</summary>
    public Task<FunctionsHostProcess> StartHostAsync() => StartHostAsync(Installation(), waitUntilServing: true);

    /// <summary>Starts a host and returns while it is still starting, for a start that is meant to fail.</summary>
    public Task<FunctionsHostProcess> LaunchHostAsync() => StartHostAsync(Installation(), waitUntilServing: false);

    /// <summary>A client of <paramref name="host"/> (the first host when null) holding the app's keys.</summary>
    public FunctionsHostClient Client(FunctionsHostProcess? host = null)
    {
        var client = new FunctionsHostClient((host ?? _hosts[0]).BaseAddress, Keys);
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>Everything every host has logged.</summary>
    public string Output => string.Join('\n', _hosts.Select(h => h.Output));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        for (var i = 0; i < _hosts.Count; i++)
        {
            await _hosts[i].DisposeAsync();
            await _hosts[i].KeepLogAsync($"host-{i}");
        }

        await Simulator.DisposeAsync();
        await Storage.DisposeAsync();
        try
        {
            Directory.Delete(_secrets, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static FunctionsHostInstallation Installation() =>
        FunctionsHostInstallation.Current ?? throw new InvalidOperationException(FunctionsHostInstallation.MissingReason);

    private async Task<FunctionsHostProcess> StartHostAsync(FunctionsHostInstallation installation, bool waitUntilServing)
    {
        var instance = $"instance-{Interlocked.Increment(ref _started)}";
        FunctionsHostProcess host;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                host = await FunctionsHostProcess.StartAsync(installation, FunctionsApp.Directory(), LoopbackPort.Next(), _settings.Values, _secrets, instance, waitUntilServing);
                break;
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // The port was free when asked for and taken by another test's process before the host bound it: ask again.
            }
        }

        lock (_hosts)
        {
            _hosts.Add(host);
        }

        return host;
    }
}
