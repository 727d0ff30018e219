using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Serve;
using ChangeGuard.Hosting;
using Microsoft.Extensions.Hosting;

namespace ChangeGuard.Cli.Commands;

/// <summary><c>changeguard serve</c>: the Functions app's HTTP API and rollback guard, on the embedded engine.</summary>
public sealed class ServeCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "serve";

    /// <inheritdoc />
    public string Summary => "serve the watch HTTP API and run the rollback guard (same API as the Functions app)";

    /// <inheritdoc />
    public string Usage => "changeguard serve [--urls URL] [--api-key-file FILE] [--endpoint URL] [--store memory|azurestorage] [--storage-connection CONN] [--task-hub NAME] [--worker-id ID]";

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--urls", "URL", $"where to listen (default {BindAddress.Default}; a non-loopback address needs --api-key-file)"),
        new("--api-key-file", "FILE", "require the key on the file's first line on every request (X-Api-Key or Bearer)"),
        new("--endpoint", "URL", "SAE endpoint override, such as the simulator's http://127.0.0.1:18080"),
        new("--store", "STORE", "where watches are kept: memory (default; gone when the process ends) or azurestorage (survive restarts)"),
        new("--storage-connection", "CONN", "Azure Storage connection string for --store azurestorage (UseDevelopmentStorage=true for Azurite); prefer ChangeGuard__Engine__StorageConnection, which ps does not show"),
        new("--task-hub", "NAME", $"task hub for --store azurestorage (default {EngineOptions.DefaultTaskHub}); processes sharing it share the watches"),
        new("--worker-id", "ID", "this process's id on the task hub: the same across restarts, unique per process (default: the machine name)"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard serve",
        "changeguard serve --urls http://0.0.0.0:8080 --api-key-file /etc/changeguard/api-key",
        "changeguard serve --store azurestorage --storage-connection UseDevelopmentStorage=true",
        "curl -X POST http://127.0.0.1:8080/api/watches -H 'content-type: application/json' -d '{\"regionId\":\"cn-hangzhou\",\"appId\":\"A\",\"changeOrderId\":\"C\"}'",
    ];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParsedArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var address = BindAddress.Parse(args.Text("--urls"));
        var key = args.Text("--api-key-file") is { } file ? ApiKey.FromFile(file) : null;
        var settings = new Dictionary<string, string?>();
        if (args.Url("--endpoint") is { } endpoint)
        {
            settings["Sae:Endpoint"] = endpoint.ToString();
        }

        AddEngineSettings(args, settings);

        await using var app = ServeHost.Build(address, key, settings, args.Verbose, console.Error);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        console.Out.WriteLine($"Serving the watch API on {address.Url}api/watches{(key is null ? string.Empty : " (API key required)")}. Ctrl+C stops.");
        try
        {
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return ExitCodes.Succeeded;
    }

    private static void AddEngineSettings(ParsedArguments args, Dictionary<string, string?> settings)
    {
        const string section = EngineOptions.SectionName;
        if (args.Text("--store") is { } store)
        {
            settings[$"{section}:Store"] = store.ToLowerInvariant() switch
            {
                "memory" => nameof(EngineStore.Memory),
                "azurestorage" => nameof(EngineStore.AzureStorage),
                _ => throw new CliUsageException($"--store must be memory or azurestorage, not '{store}'"),
            };
        }

        foreach (var (option, key) in new[] { ("--storage-connection", "StorageConnection"), ("--task-hub", "TaskHub"), ("--worker-id", "WorkerId") })
        {
            if (args.Text(option) is { } value)
            {
                settings[$"{section}:{key}"] = value;
            }
        }
    }
}
