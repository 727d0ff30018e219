using System.CommandLine;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Serve;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Hosting;
using Microsoft.Extensions.Hosting;

namespace ChangeGuard.Cli.Verbs;

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
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard serve",
        "changeguard serve --urls http://0.0.0.0:8080 --api-key-file /etc/changeguard/api-key",
        "changeguard serve --store azurestorage --storage-connection UseDevelopmentStorage=true",
        "curl -X POST http://127.0.0.1:8080/api/watches -H 'content-type: application/json' -d '{\"regionId\":\"cn-hangzhou\",\"appId\":\"A\",\"changeOrderId\":\"C\"}'",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var urls = new Option<BindAddress?>("--urls")
        {
            HelpName = "URL",
            Description = $"where to listen (default {BindAddress.Default}; a non-loopback address needs --api-key-file)",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (BindAddress.TryParse(text, out var address))
                {
                    return address;
                }

                result.AddError(BindAddress.Refusal(text));
                return null;
            },
        };
        var keyFile = CliOptions.Text("--api-key-file", "FILE", "require the key on the file's first line on every request (X-Api-Key or Bearer)");
        var endpoint = CliOptions.Url("--endpoint", "SAE endpoint override, such as the simulator's http://127.0.0.1:18080");
        var store = CliOptions.OneOf("--store", "where watches are kept: memory (default; gone when the process ends) or azurestorage (survive restarts)", ["memory", "azurestorage"]);
        var storageConnection = CliOptions.Text("--storage-connection", "CONN", "Azure Storage connection string for --store azurestorage (UseDevelopmentStorage=true for Azurite); prefer ChangeGuard__Engine__StorageConnection, which ps does not show");
        var taskHub = CliOptions.Text("--task-hub", "NAME", $"task hub for --store azurestorage (default {EngineOptions.DefaultTaskHub}); processes sharing it share the watches");
        var workerId = CliOptions.Text("--worker-id", "ID", "this process's id on the task hub: the same across restarts, unique per process (default: the machine name)");
        var command = new Command(Name, Summary) { urls, keyFile, endpoint, store, storageConnection, taskHub, workerId };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new Dictionary<string, string?>();
            if (parse.GetValue(endpoint) is { } sae)
            {
                settings["Sae:Endpoint"] = sae.ToString();
            }

            const string section = EngineOptions.SectionName;
            settings[$"{section}:Store"] = parse.GetValue(store) switch
            {
                "azurestorage" => nameof(EngineStore.AzureStorage),
                "memory" => nameof(EngineStore.Memory),
                _ => null,
            };
            settings[$"{section}:StorageConnection"] = parse.GetValue(storageConnection);
            settings[$"{section}:TaskHub"] = parse.GetValue(taskHub);
            settings[$"{section}:WorkerId"] = parse.GetValue(workerId);
            var address = parse.GetValue(urls) ?? BindAddress.Parse(BindAddress.Default);
            return RunAsync(address, parse.GetValue(keyFile), Given(settings), parse.GetValue(verbose), console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(BindAddress address, string? keyFile, Dictionary<string, string?> settings, bool verbose, CliConsole console, CancellationToken cancellationToken)
    {
        var key = keyFile is null ? null : ApiKey.FromFile(keyFile);
        await using var app = ServeHost.Build(address, key, settings, verbose);
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

    // Only the settings given on the command line: the others stay as the environment has them.
    private static Dictionary<string, string?> Given(Dictionary<string, string?> settings) =>
        settings.Where(s => s.Value is not null).ToDictionary();
}
