using System.CommandLine;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Remote;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Verbs;

/// <summary><c>changeguard abort</c>: asks a running server's watch to abort its change order now.</summary>
public sealed class AbortCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "abort";

    /// <inheritdoc />
    public string Summary => "ask a watch on a running server to abort its change order now";

    /// <inheritdoc />
    public string Usage => "changeguard abort CHANGE_ORDER_ID --server URL [--api-key-file FILE] [--reason TEXT] [--requested-by NAME] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard abort co-bad-0001 --server http://127.0.0.1:8080 --reason \"error budget burned\" --requested-by alice",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var server = new ServerOptions();
        var changeOrderId = new Argument<string>("CHANGE_ORDER_ID") { Description = "the watched change order" };
        var reason = CliOptions.Text("--reason", "TEXT", "why, for the watch's timeline and notifications");
        var requestedBy = CliOptions.Text("--requested-by", "NAME", "who asks (default: the user name)");
        var command = new Command(Name, Summary) { changeOrderId, reason, requestedBy };
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var remote = server.Connect(parse);
            var id = parse.GetValue(changeOrderId)!;
            var answer = await remote.AbortAsync(id, parse.GetValue(reason), parse.GetValue(requestedBy) ?? Environment.UserName, cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(parse.GetValue(server.Json) && answer.ValueKind != System.Text.Json.JsonValueKind.Undefined
                ? answer.GetRawText()
                : $"Abort requested for change order {id}: the watch aborts it with its abort policy (follow with 'changeguard get {id} --watch').");
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
