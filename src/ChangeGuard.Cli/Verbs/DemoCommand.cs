using System.CommandLine;
using ChangeGuard.Cli.Output;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Hosting;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Watching;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// <c>changeguard demo</c>: ChangeGuard doing its job with no account and no <c>func</c>. Starts the simulator with a
/// scenario, the engine in memory, watches the scenario's change order through the same watch API the HTTP hosts
/// use, and summarises what happened. Exit 0 when the guard did what the scenario expects.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    /// <summary>The scenario played without <c>--scenario</c>.</summary>
    public const string DefaultScenario = "bad-batch";

    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Summary => "see ChangeGuard catch a bad rollout on the built-in simulator (no account needed)";

    /// <inheritdoc />
    public string Usage => "changeguard demo [--scenario NAME|FILE] [policy options] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard demo",
        "changeguard demo --scenario healthy-rollout",
        "changeguard demo --scenario ./scenarios/crash-loop.json",
    ];

    /// <summary>The policy the demo watches with: quick polls so a scenario plays in seconds.</summary>
    public static WatchPolicyOverrides DemoPolicy { get; } = new()
    {
        PollInterval = TimeSpan.FromSeconds(1),
        Timeout = TimeSpan.FromSeconds(30),
        AbortDeadline = TimeSpan.FromSeconds(20),
        AbortConfirmTimeout = TimeSpan.FromSeconds(10),
    };

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var scenario = CliOptions.Text("--scenario", "NAME|FILE", $"a built-in scenario ({string.Join(", ", ScenarioLoader.BuiltInNames)}) or a file (default {DefaultScenario})");
        var json = CliOptions.Flag("--json", "print the watch result as JSON at the end");
        var policyOptions = new PolicyOptions();
        var command = new Command(Name, Summary) { scenario, json };
        foreach (var option in policyOptions.All)
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(scenario) ?? DefaultScenario, policyOptions.Over(DemoPolicy, parse), parse.GetValue(json), parse.GetValue(verbose), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string scenarioName, WatchPolicyOverrides policy, bool json, bool verbose, CliConsole console, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.LoadNameOrFile(scenarioName);
        var (app, order) = FirstOrder(scenario);

        await using var simulator = await SaeSimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, cancellationToken).ConfigureAwait(false);
        var settings = SimulatedSae.Settings(simulator);
        var probe = ProbeSignal(scenario, app.AppId, simulator.BaseAddress);
        if (probe is not null)
        {
            settings["ChangeGuard:Signals:ProbeTargets:0"] = new Uri(simulator.BaseAddress, "apps/").ToString();
        }

        await using var engine = await EmbeddedEngine.StartAsync(settings, verbose, cancellationToken).ConfigureAwait(false);

        // With --json, stdout carries the result's JSON alone (for jq); progress and the summary go to stderr.
        var progress = json ? console with { Out = console.Error } : console;

        progress.Out.WriteLine(Style.Bold(progress, $"Scenario {scenario.Name}") + (scenario.Description is null ? string.Empty : $": {scenario.Description}"));
        progress.Out.WriteLine($"  simulator     {simulator.BaseAddress} (time x{scenario.TimeScale})");
        if (probe?.Http is { } http)
        {
            progress.Out.WriteLine($"  signal        {probe.Name}: GET {http.Url}, healthy while {http.JsonPath} gives {http.SuccessCondition}");
        }

        var started = DateTimeOffset.UtcNow;
        var request = new WatchStartRequest
        {
            RegionId = app.RegionId,
            AppId = app.AppId,
            ChangeOrderId = order,
            Policy = probe is null ? policy : policy with { Signals = [probe] },
            RequestedBy = "changeguard-demo",
        };

        var start = await engine.Watches.StartAsync(request, cancellationToken).ConfigureAwait(false);
        if (start.Kind is WatchStartKind.Invalid or WatchStartKind.NotFound or WatchStartKind.TooMany)
        {
            throw new BadInputException(string.Join("; ", start.Errors.Select(e => $"{e.Field} {e.Message}")));
        }

        var effective = start.Watch?.Policy;
        progress.Out.WriteLine($"  watching      {order} of {app.AppId} in {app.RegionId}: poll every {DurationFormat.Format(effective?.PollInterval ?? TimeSpan.FromSeconds(1))} (longer when the SAE call budget needs it), failureLimit {effective?.FailureLimit}, timeout {DurationFormat.Format(effective?.Timeout ?? TimeSpan.FromSeconds(30))}");
        var printer = new ProgressPrinter(progress, started);
        var view = await printer.FollowAsync(engine.Watches, order, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            ResultPrinter.Json(console, view);
        }
        else
        {
            ResultPrinter.Summary(console, view);
        }

        return Summarise(progress, scenario, simulator, view, started);
    }

    /// <summary>
    /// An HTTP probe of the simulator's probe endpoint for the watched app, when the scenario scripts its answers:
    /// the demo then shows a signal catching what SAE's instance status cannot (no Prometheus needed).
    /// </summary>
    private static SignalDefinition? ProbeSignal(Scenario scenario, string appId, Uri simulator)
    {
        var app = scenario.Apps.FirstOrDefault(a => a.AppId == appId);
        if (app is null || app.Probe.Count == 0)
        {
            return null;
        }

        return new SignalDefinition
        {
            Name = "smoke-checks",
            Http = new HttpProbeSignal
            {
                Url = new Uri(simulator, $"apps/{Uri.EscapeDataString(appId)}/probe").ToString(),
                JsonPath = "{$.ok}",
                SuccessCondition = "result == true",
                TimeoutSeconds = 2,
            },
        };
    }

    private static int Summarise(CliConsole console, Scenario scenario, RunningSimulator simulator, WatchView view, DateTimeOffset started)
    {
        var result = view.Result;
        var order = view.ChangeOrderId;
        var fault = simulator.World.FaultAppearsAt(order);
        if (fault is { } faultAt && result is not null)
        {
            var detectedAfter = result.Timeline.Count(d => d.At >= faultAt && d.Poll > 0 && d.Action is WatchAction.Continue or WatchAction.Abort);
            var decided = result.Timeline.LastOrDefault(d => d.Action is WatchAction.Abort or WatchAction.AbortRetry or WatchAction.AbortAccepted
                or WatchAction.AbortApplied or WatchAction.AbortFailed)?.At ?? result.EndedAt;
            console.Out.WriteLine($"  fault         appeared +{(faultAt - started).TotalSeconds:0.0}s after the watch started; detected after {Math.Max(1, detectedAfter)} poll(s), {(decided - faultAt).TotalSeconds:0.0}s later");
        }
        else
        {
            console.Out.WriteLine("  fault         none appeared");
        }

        var calls = simulator.Log.Read().GroupBy(e => e.Action).Select(g => $"{g.Key} {g.Count()}");
        console.Out.WriteLine($"  calls by API  {string.Join(", ", calls)}");

        var expected = scenario.Expect;
        var actual = result?.Outcome switch
        {
            WatchOutcome.Aborted => "aborted",
            WatchOutcome.Succeeded => "succeeded",
            var other => other?.ToString().ToLowerInvariant() ?? "failed",
        };
        if (expected is null)
        {
            console.Out.WriteLine($"Result: {actual} (the scenario states no expectation).");
            return ExitCodes.Succeeded;
        }

        var ok = string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);
        console.Out.WriteLine(ok
            ? Style.Bold(console, $"Result: {actual}, as the scenario expects.")
            : Style.Bold(console, $"Result: {actual}, but the scenario expects {expected}."));
        return ok ? ExitCodes.Succeeded : ExitCodes.Error;
    }

    private static (AppDefinition App, string ChangeOrderId) FirstOrder(Scenario scenario)
    {
        foreach (var app in scenario.Apps)
        {
            if (app.ChangeOrders.FirstOrDefault(o => !string.IsNullOrEmpty(o.ChangeOrderId)) is { } order)
            {
                return (app, order.ChangeOrderId!);
            }
        }

        throw new BadInputException($"scenario '{scenario.Name}' has no change order with a changeOrderId to watch");
    }
}
