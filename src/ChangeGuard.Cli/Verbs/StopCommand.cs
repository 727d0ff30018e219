using System.CommandLine;
using ChangeGuard.Cli.Remote;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Verbs;

/// <summary><c>changeguard stop</c>: asks a running server's watch to stop watching and leave its change order alone.</summary>
public sealed class StopCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "stop";

    /// <inheritdoc />
    public string Summary => "ask a watch on a running server to stop watching, leaving the change order alone";

    /// <inheritdoc />
    public string Usage => "changeguard stop CHANGE_ORDER_ID --server URL [--api-key-file FILE] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard stop co-healthy-0001 --server http://127.0.0.1:8080",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var server = new ServerOptions();
        var changeOrderId = new Argument<string>("CHANGE_ORDER_ID") { Description = "the watched change order" };
        var command = new Command(Name, Summary) { changeOrderId };
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var remote = server.Connect(parse);
            var id = parse.GetValue(changeOrderId)!;
            var answer = await remote.StopAsync(id, cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(parse.GetValue(server.Json) && answer.ValueKind != System.Text.Json.JsonValueKind.Undefined
                ? answer.GetRawText()
                : $"Stop requested for change order {id}: the watch ends and leaves the order alone.");
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
