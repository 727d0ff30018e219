using System.CommandLine;
using ChangeGuard.Cli.Output;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Domain.Json;
using ChangeGuard.Hosting;
using ChangeGuard.Watching;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// <c>changeguard watch</c>: one watch in the foreground, for a pipeline step right after the deploy step. The exit
/// code says how it ended.
/// </summary>
public sealed class WatchCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "watch";

    /// <inheritdoc />
    public string Summary => "watch one change order in the foreground and abort it if it goes bad";

    /// <inheritdoc />
    public string Usage => "changeguard watch --region R --app-id A --change-order-id C [policy options] [--signals FILE] [--endpoint URL] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard watch --region cn-hangzhou --app-id 7171a6ca-... --change-order-id 1a2b3c4d-...",
        "changeguard watch --region cn-shanghai --app-id A --change-order-id C --poll-interval 10s --failure-limit 3 --timeout 20m",
        "changeguard watch --region cn-hangzhou --app-id app-checkout --change-order-id co-bad-0001 --endpoint http://127.0.0.1:18080 --json",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var region = CliOptions.Required("--region", "REGION", "the app's region, such as cn-hangzhou");
        var appId = CliOptions.Required("--app-id", "ID", "the SAE app id");
        var changeOrderId = CliOptions.Required("--change-order-id", "ID", "the change order to watch");
        var endpoint = CliOptions.Url("--endpoint", "SAE endpoint override, such as the simulator's http://127.0.0.1:18080");
        var requestedBy = CliOptions.Text("--requested-by", "TEXT", "who started the watch, for the audit trail (default: changeguard-cli)");
        var json = CliOptions.Flag("--json", "print the result as JSON at the end");
        var policy = new PolicyOptions();
        var signals = SignalsFile.Create();
        var command = new Command(Name, Summary) { region, appId, changeOrderId, endpoint, requestedBy, json };
        foreach (var option in policy.All.Append(signals))
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(
            new WatchStartRequest
            {
                RegionId = parse.GetValue(region),
                AppId = parse.GetValue(appId),
                ChangeOrderId = parse.GetValue(changeOrderId),
                Policy = policy.Read(parse) with { Signals = parse.GetValue(signals) },
                RequestedBy = parse.GetValue(requestedBy) ?? "changeguard-cli",
            },
            parse.GetValue(endpoint),
            parse.GetValue(json),
            parse.GetValue(verbose),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(WatchStartRequest request, Uri? endpoint, bool json, bool verbose, CliConsole console, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>();
        if (endpoint is not null)
        {
            settings["Sae:Endpoint"] = endpoint.ToString();
        }

        await using var engine = await EmbeddedEngine.StartAsync(settings, verbose, cancellationToken).ConfigureAwait(false);
        return await RunWatchAsync(engine.Watches, request, json, console, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts (or joins) the watch, prints its progress and result, and returns the exit code.</summary>
    public static async Task<int> RunWatchAsync(WatchApi watches, WatchStartRequest request, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watches);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);

        // With --json, stdout carries the result's JSON alone (for jq); progress goes to stderr.
        var progress = json ? console with { Out = console.Error } : console;
        var started = await watches.StartAsync(request, cancellationToken).ConfigureAwait(false);
        if (started.Kind is WatchStartKind.Invalid or WatchStartKind.NotFound or WatchStartKind.TooMany)
        {
            var first = started.Errors[0];
            throw new BadInputException(first.Field == "credentials" ? first.Message : $"{PolicyOptions.OptionFor(first.Field)} {first.Message}");
        }

        var policy = started.Watch!.Policy!;
        progress.Out.WriteLine($"Watching change order {request.ChangeOrderId} of app {request.AppId} in {request.RegionId}: " +
            $"poll every {DurationFormat.Format(policy.PollInterval)}, abort after {policy.FailureLimit} bad polls or {DurationFormat.Format(policy.Timeout)}" +
            (policy.DryRun ? " (dry run)" : string.Empty));
        var printer = new ProgressPrinter(progress, started.Watch.CreatedAt == default ? DateTimeOffset.UtcNow : started.Watch.CreatedAt);
        WatchView view;
        try
        {
            view = await printer.FollowAsync(watches, request.ChangeOrderId!, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReportInterruptionAsync(watches, request.ChangeOrderId!, console).ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        if (json)
        {
            ResultPrinter.Json(console, view);
        }
        else
        {
            ResultPrinter.Summary(console, view);
        }

        return OutcomeExitCode.For(view);
    }

    /// <summary>Says where an interrupted watch stood and that the order was left alone.</summary>
    private static async Task ReportInterruptionAsync(WatchApi watches, string changeOrderId, CliConsole console)
    {
        WatchView? last = null;
        using (var brief = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                last = await watches.GetAsync(changeOrderId, brief.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        var where = last?.Status is { } status
            ? $" after {status.Polls} poll(s), last: {status.LastVerdict?.ToString().ToLowerInvariant() ?? "none"}{(status.LastHealth is null ? string.Empty : $" ({status.LastHealth})")}"
            : string.Empty;
        console.Error.WriteLine($"Interrupted: stopped watching change order {changeOrderId}{where}. The change order was left alone: not aborted, not approved.");
    }
}
