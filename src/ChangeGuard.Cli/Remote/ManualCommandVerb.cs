using System.CommandLine;
using System.Text.Json;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Remote;

/// <summary>
/// A person's instruction to a watch on a running server, with a reason and who asks (<c>abort</c>, <c>promote</c>):
/// the one command line both take, sent by <see cref="RemoteWatchApi"/>.
/// </summary>
public static class ManualCommandVerb
{
    /// <summary>
    /// The command <paramref name="name"/>: <paramref name="send"/> asks the server; <paramref name="requested"/> is the
    /// line printed for change order id when the server accepted it (the server's JSON with <c>--json</c>).
    /// </summary>
    public static Command Build(
        CliConsole console,
        string name,
        string summary,
        Func<RemoteWatchApi, string, string?, string, CancellationToken, Task<JsonElement>> send,
        Func<string, string> requested)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(requested);
        var server = new ServerOptions();
        var changeOrderId = new Argument<string>("CHANGE_ORDER_ID") { Description = "the watched change order" };
        var reason = CliOptions.Text("--reason", "TEXT", "why, for the watch's timeline and notifications");
        var requestedBy = CliOptions.Text("--requested-by", "NAME", "who asks (default: the user name)");
        var command = new Command(name, summary) { changeOrderId, reason, requestedBy };
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var remote = server.Connect(parse);
            var id = parse.GetValue(changeOrderId)!;
            var answer = await send(remote, id, parse.GetValue(reason), parse.GetValue(requestedBy) ?? Environment.UserName, cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(parse.GetValue(server.Json) && answer.ValueKind != JsonValueKind.Undefined ? answer.GetRawText() : requested(id));
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
