using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Remote;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Verbs;

/// <summary><c>changeguard list</c>: the watches of a running server, one line each.</summary>
public sealed class ListCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "list";

    /// <inheritdoc />
    public string Summary => "list the watches of a running serve or Functions app";

    /// <inheritdoc />
    public string Usage => "changeguard list --server URL [--api-key-file FILE] [--status running|completed|...] [--top N] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard list --server http://127.0.0.1:8080",
        "changeguard list --server https://guard.azurewebsites.net --api-key-file ~/.changeguard/key --status running",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var server = new ServerOptions();
        var status = CliOptions.Text("--status", "STATUS", "only watches in this state: pending, running, completed, failed, terminated");
        var top = CliOptions.WholeNumber("--top", "N", "at most N watches (1 to 100, default 100)", n => n is < 1 or > 100 ? $"must be from 1 to 100, not {n}" : null);
        var command = new Command(Name, Summary) { status, top };
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var remote = server.Connect(parse);
            var page = await remote.ListAsync(parse.GetValue(status), parse.GetValue(top) ?? 100, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(server.Json))
            {
                console.Out.WriteLine(page.GetRawText());
                return ExitCodes.Succeeded;
            }

            Print(console, page);
            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static void Print(CliConsole console, JsonElement page)
    {
        var watches = page.GetProperty("watches");
        if (watches.GetArrayLength() == 0)
        {
            console.Out.WriteLine("No watches.");
            return;
        }

        console.Out.WriteLine($"{"CHANGE ORDER",-38} {"APP",-24} {"STATE",-11} {"VERDICT",-10} {"POLLS",5}  OUTCOME");
        foreach (var watch in watches.EnumerateArray())
        {
            var polls = watch.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                ? status.GetProperty("polls").GetInt32().ToString(CultureInfo.InvariantCulture) : "-";
            console.Out.WriteLine($"{Text(watch, "changeOrderId"),-38} {Text(watch, "appId"),-24} {Text(watch, "runtimeStatus"),-11} {Text(watch, "lastVerdict"),-10} {polls,5}  {Outcome(watch)}");
        }

        if (page.TryGetProperty("continuationToken", out var token) && token.ValueKind == JsonValueKind.String)
        {
            console.Out.WriteLine("(more watches: raise --top, or filter with --status)");
        }
    }

    private static string Text(JsonElement watch, string name) =>
        watch.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "-";

    private static string Outcome(JsonElement watch) =>
        watch.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.Object ? Text(outcome, "outcome") : string.Empty;
}
