using System.CommandLine;
using System.Text.Json;
using ChangeGuard.Cli.Output;
using ChangeGuard.Cli.Remote;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Domain.Json;
using ChangeGuard.Watching;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// <c>changeguard get</c>: one watch of a running server, its decisions and its result; with <c>--watch</c>, follows it
/// until it ends, printing each decision as it comes, and exits as <c>watch</c> would.
/// </summary>
public sealed class GetCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "get";

    /// <inheritdoc />
    public string Summary => "show one watch of a running server; --watch follows it to its end, redrawing in place on a terminal";

    /// <inheritdoc />
    public string Usage => "changeguard get CHANGE_ORDER_ID --server URL [--api-key-file FILE] [--watch] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard get co-bad-0001 --server http://127.0.0.1:8080",
        "changeguard get co-bad-0001 --server http://127.0.0.1:8080 --watch",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var server = new ServerOptions();
        var changeOrderId = new Argument<string>("CHANGE_ORDER_ID") { Description = "the watched change order" };
        var follow = Parsing.CliOptions.Flag("--watch", "follow the watch until it ends, printing each decision, and exit as 'watch' does");
        var command = new Command(Name, Summary) { changeOrderId, follow };
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var remote = server.Connect(parse);
            var id = parse.GetValue(changeOrderId)!;
            var json = parse.GetValue(server.Json);
            if (!parse.GetValue(follow))
            {
                var answer = await remote.GetAsync(id, cancellationToken).ConfigureAwait(false);
                if (json)
                {
                    console.Out.WriteLine(answer.GetRawText());
                    return ExitCodes.Succeeded;
                }

                var view = ToView(answer);
                new ProgressPrinter(console, view.CreatedAt).Print(view.HasEnded ? view.Result?.Timeline ?? [] : view.Status?.LastDecisions ?? []);
                if (view.HasEnded)
                {
                    ResultPrinter.Summary(console, view);
                }
                else
                {
                    console.Out.WriteLine($"Watch of {view.ChangeOrderId}: {view.RuntimeStatus.ToString().ToLowerInvariant()}, {view.Status?.Polls ?? 0} poll(s), last: {view.LastHealth ?? "no poll yet"}");
                }

                return ExitCodes.Succeeded;
            }

            // Following: on a terminal one block redraws in place; otherwise a line per decision (on stderr with --json,
            // so stdout is the final JSON alone).
            var progress = json ? console with { Out = console.Error } : console;
            var first = ToView(await remote.GetAsync(id, cancellationToken).ConfigureAwait(false));
            WatchView ended;
            if (progress.IsTerminal && !json)
            {
                var live = new LiveView(progress);
                ended = first;
                live.Draw(first);
                while (!ended.HasEnded)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                    ended = ToView(await remote.GetAsync(id, cancellationToken).ConfigureAwait(false));
                    live.Draw(ended);
                }
            }
            else
            {
                ended = await new ProgressPrinter(progress, first.CreatedAt)
                    .FollowAsync(async ct => ToView(await remote.GetAsync(id, ct).ConfigureAwait(false)), TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
            if (json)
            {
                ResultPrinter.Json(console, ended);
            }
            else
            {
                ResultPrinter.Summary(console, ended);
            }

            return OutcomeExitCode.For(ended);
        });
        return command;
    }

    private static WatchView ToView(JsonElement answer) =>
        answer.Deserialize<WatchView>(ChangeGuardJson.Options) ?? throw new InvalidOperationException("the server answered no watch");
}
