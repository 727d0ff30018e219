using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
/// <c>changeguard rehearse</c>: plays every change order of every scenario given on the simulator, at each scenario's
/// time scale, under one policy, and prints what each watch concluded against what the scenario expects. A policy is
/// rehearsed before it guards production: it exits 0 only if every order with an expectation ends as expected.
/// </summary>
public sealed class RehearseCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "rehearse";

    /// <inheritdoc />
    public string Summary => "play scenarios on the simulator under a policy and compare each outcome with the expected one";

    /// <inheritdoc />
    public string Usage => "changeguard rehearse SCENARIO_FILE_OR_FOLDER... [--policy FILE] [policy options] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard rehearse scenarios/",
        "changeguard rehearse scenarios/bad-batch.json scenarios/flapping.json --failure-limit 3 --poll-interval 2s",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var paths = new Argument<string[]>("SCENARIOS") { Description = "scenario files or folders of them (*.json)", Arity = ArgumentArity.OneOrMore };
        var policyFile = CliOptions.Text("--policy", "FILE", "a JSON policy (as a start request's \"policy\"); options override its fields");
        var json = CliOptions.Flag("--json", "print the rows as JSON");
        var policyOptions = new PolicyOptions();
        var command = new Command(Name, Summary) { paths, policyFile, json };
        foreach (var option in policyOptions.All)
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var seed = parse.GetValue(policyFile) is { } file ? ReadPolicy(file) : DemoCommand.DemoPolicy;
            var policy = policyOptions.Over(seed, parse);
            return RunAsync(Scenarios(parse.GetValue(paths)!), policy, parse.GetValue(json), parse.GetValue(verbose), console, cancellationToken);
        });
        return command;
    }

    /// <summary>How many scenarios play at once.</summary>
    private const int MaxParallel = 4;

    /// <summary>One order's rehearsal; <paramref name="Promoted"/> lists the batches the promotion gate confirmed (or would have, in a dry run).</summary>
    public sealed record Row(string Scenario, string ChangeOrderId, string? Expected, string Got, double? DetectionSeconds, int SaeCalls, IReadOnlyList<int> Promoted)
    {
        /// <summary>True when the scenario expects nothing or what happened.</summary>
        public bool Matches => Expected is null || string.Equals(Expected, Got, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<int> RunAsync(IReadOnlyList<Scenario> scenarios, WatchPolicyOverrides policy, bool json, bool verbose, CliConsole console, CancellationToken cancellationToken)
    {
        // Scenarios play side by side, a few at a time, each on its own simulator and engine; rows keep the given order.
        using var slots = new SemaphoreSlim(MaxParallel);
        var played = await Task.WhenAll(scenarios.Select(async scenario =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await RehearseAsync(scenario, policy, verbose, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);
        var rows = played.SelectMany(r => r).ToList();

        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(rows, ChangeGuardJson.Options));
        }
        else
        {
            console.Out.WriteLine($"{"SCENARIO",-26} {"CHANGE ORDER",-24} {"EXPECTED",-12} {"GOT",-18} {"DETECTED",9} {"SAE CALLS",9}  PROMOTED");
            foreach (var row in rows)
            {
                var detected = row.DetectionSeconds is { } seconds ? seconds.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "-";
                var promoted = row.Promoted.Count == 0 ? "-" : "batch " + string.Join(", ", row.Promoted);
                console.Out.WriteLine($"{row.Scenario,-26} {row.ChangeOrderId,-24} {row.Expected ?? "-",-12} {row.Got + (row.Matches ? string.Empty : " ✗"),-18} {detected,9} {row.SaeCalls,9}  {promoted}");
            }

            var misses = rows.Count(r => !r.Matches);
            console.Out.WriteLine(misses == 0 ? $"All {rows.Count} order(s) ended as expected." : $"{misses} of {rows.Count} order(s) did not end as expected.");
        }

        return rows.All(r => r.Matches) ? ExitCodes.Succeeded : ExitCodes.Error;
    }

    /// <summary>Watches every order of <paramref name="scenario"/> at once on its own simulator and engine.</summary>
    private static async Task<IReadOnlyList<Row>> RehearseAsync(Scenario scenario, WatchPolicyOverrides policy, bool verbose, CancellationToken cancellationToken)
    {
        await using var simulator = await SaeSimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, cancellationToken).ConfigureAwait(false);
        var settings = SimulatedSae.Settings(simulator);
        await using var engine = await EmbeddedEngine.StartAsync(settings, verbose, cancellationToken).ConfigureAwait(false);
        var orders = scenario.Apps
            .SelectMany(app => app.ChangeOrders.Where(o => !string.IsNullOrEmpty(o.ChangeOrderId)).Select(o => (App: app, Order: o.ChangeOrderId!)))
            .ToArray();
        foreach (var (app, order) in orders)
        {
            var start = await engine.Watches.StartAsync(new WatchStartRequest
            {
                RegionId = app.RegionId,
                AppId = app.AppId,
                ChangeOrderId = order,
                Policy = policy,
                RequestedBy = "changeguard-rehearse",
            }, cancellationToken).ConfigureAwait(false);
            if (start.Kind is WatchStartKind.Invalid or WatchStartKind.NotFound or WatchStartKind.TooMany)
            {
                throw new BadInputException($"{scenario.Name}/{order}: " + string.Join("; ", start.Errors.Select(e => $"{PolicyOptions.OptionFor(e.Field)} {e.Message}")));
            }
        }

        var rows = new List<Row>();
        foreach (var (_, order) in orders)
        {
            var view = await WaitForEndAsync(engine.Watches, order, cancellationToken).ConfigureAwait(false);
            var result = view.Result;
            var got = result?.Outcome.ToString() is { } outcome ? JsonNamingPolicy.CamelCase.ConvertName(outcome) : "failed";
            double? detection = null;
            if (simulator.World.FaultAppearsAt(order) is { } faultAt && result is not null
                && result.Timeline.FirstOrDefault(d => d.At >= faultAt && d.Action is WatchAction.Abort or WatchAction.AbortRetry or WatchAction.AbortAccepted) is { } decided)
            {
                detection = Math.Round((decided.At - faultAt).TotalSeconds, 1);
            }

            var promoted = result?.Promotions.Where(p => p.Result is PromotionResult.Confirmed or PromotionResult.WouldPromote).Select(p => p.Batch).ToArray() ?? [];
            rows.Add(new Row(scenario.Name, order, scenario.Expect, got, detection, result?.SaeCalls ?? 0, promoted));
        }

        return rows;
    }

    private static async Task<WatchView> WaitForEndAsync(WatchApi watches, string order, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await watches.GetAsync(order, cancellationToken).ConfigureAwait(false) is { HasEnded: true } ended)
            {
                return ended;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The scenarios at the paths: files, and every *.json of folders, in name order.</summary>
    private static IReadOnlyList<Scenario> Scenarios(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new BadInputException($"'{path}' is neither a scenario file nor a folder");
            }
        }

        return files.Count == 0
            ? throw new BadInputException("no scenario files (*.json) in the paths given")
            : files.Select(ScenarioLoader.LoadNameOrFile).ToArray();
    }

    private static WatchPolicyOverrides ReadPolicy(string file)
    {
        if (!File.Exists(file))
        {
            throw new BadInputException($"--policy '{file}' does not exist");
        }

        try
        {
            return JsonSerializer.Deserialize<WatchPolicyOverrides>(File.ReadAllText(file), ChangeGuardJson.Options)
                ?? throw new BadInputException($"--policy '{file}' holds no policy");
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"--policy '{file}': {(ex.Path is { Length: > 2 } path ? path[2..] + " " : string.Empty)}is not a valid policy");
        }
    }
}
