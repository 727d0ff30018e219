using System.CommandLine;
using System.Text.Json;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Signals;
using ChangeGuard.Watching.Activities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// <c>changeguard status</c>: one health snapshot of a change order and the verdict ChangeGuard would reach now,
/// without starting a watch (no restart baseline: restarts count since each instance started).
/// </summary>
public sealed class StatusCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "status";

    /// <inheritdoc />
    public string Summary => "show a change order's health now and the verdict ChangeGuard would reach";

    /// <inheritdoc />
    public string Usage => "changeguard status --region R --change-order-id C [--app-id A] [--endpoint URL] [--json] [policy options]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard status --region cn-hangzhou --change-order-id 1a2b3c4d-...",
        "changeguard status --region cn-hangzhou --change-order-id co-bad-0001 --endpoint http://127.0.0.1:18080 --json",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var region = CliOptions.Required("--region", "REGION", "the region, such as cn-hangzhou");
        region.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { Length: > 0 } text && !SaeRegion.IsValid(text))
            {
                result.AddError($"--region '{text}' is not a region id such as cn-hangzhou");
            }
        });
        var changeOrderId = CliOptions.Required("--change-order-id", "ID", "the change order");
        var appId = CliOptions.Text("--app-id", "ID", "the app (default: the change order's app)");
        var endpoint = CliOptions.Url("--endpoint", "SAE endpoint override");
        var json = CliOptions.Flag("--json", "print the snapshot and verdict as JSON");
        var policyOptions = new PolicyOptions();
        var signals = SignalsFile.Create();
        var command = new Command(Name, Summary) { region, changeOrderId, appId, endpoint, json };
        foreach (var option in policyOptions.All.Append(signals))
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var policy = (policyOptions.Read(parse) with { Signals = parse.GetValue(signals) }).ApplyTo(WatchPolicy.Default);
            var target = new StatusTarget(parse.GetValue(region)!, parse.GetValue(changeOrderId)!, parse.GetValue(appId), parse.GetValue(endpoint));
            return RunAsync(target, policy, parse.GetValue(json), console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(StatusTarget target, WatchPolicy policy, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var (region, changeOrderId) = (target.Region, target.ChangeOrderId);
        if (policy.Validate().FirstOrDefault() is { } invalid)
        {
            throw new BadInputException($"{PolicyOptions.OptionFor(invalid.Field)} {invalid.Message}");
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddChangeGuardWatching(configuration);
        services.PostConfigure<SaeClientOptions>(o => o.Endpoint = target.Endpoint ?? o.Endpoint);
        await using var provider = services.BuildServiceProvider();
        var sae = provider.GetRequiredService<ISaeClient>();
        var signalOptions = provider.GetRequiredService<IOptions<SignalOptions>>().Value;
        if (signalOptions.Check(policy.Signals, "signals").FirstOrDefault() is { } unusable)
        {
            throw new BadInputException($"{PolicyOptions.OptionFor(unusable.Field)} {unusable.Message}");
        }

        var appId = target.AppId;
        if (string.IsNullOrWhiteSpace(appId))
        {
            appId = (await sae.DescribeChangeOrderAsync(region, changeOrderId, cancellationToken).ConfigureAwait(false)).AppId
                ?? throw new BadInputException("the change order names no app; pass --app-id");
        }

        var read = await new HealthReader(sae, TimeProvider.System)
            .ReadAsync(new ReadHealthRequest(region, appId, changeOrderId, null), cancellationToken).ConfigureAwait(false);
        if (read.Snapshot is not { } snapshot)
        {
            var error = read.Error!;
            throw error.Class == ErrorClass.Permanent ? new BadInputException($"SAE refuses to read change order {changeOrderId}: {error.Message}") : new InvalidOperationException($"SAE could not be read: {error.Message}");
        }

        // The preview is the assessor's answer to the first poll of a watch that started with the order (so no restart
        // baseline: restarts count since each new instance started), judging exactly as a watch would.
        var now = DateTimeOffset.UtcNow;
        var watch = new WatchContext(new WatchTarget(region, appId, changeOrderId), policy, snapshot.Order.StartedAt ?? now);
        IReadOnlyList<SignalMeasurement>? measured = policy.Signals.Count > 0
            ? await provider.GetRequiredService<SignalReader>()
                .ReadAsync(new SignalContext(region, appId, changeOrderId, snapshot.Order.AppName), policy.Signals, cancellationToken).ConfigureAwait(false)
            : null;
        var assessment = Assessor.Assess(watch, WatchState.Initial, new PollMeasurements(read, measured), now);
        var verdict = assessment.Instances;
        var signals = assessment.Signals;
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { snapshot, verdict, signals, decision = assessment.Decision, saeCalls = read.SaeCalls }, new JsonSerializerOptions(ChangeGuardJson.Options) { WriteIndented = true }));
            return ExitCodes.Succeeded;
        }

        var order = snapshot.Order;
        console.Out.WriteLine($"Change order {changeOrderId} of app {appId} in {region}");
        console.Out.WriteLine($"  status        {(int)order.Status} {order.Status}{(order.SubStatus == ChangeGuard.Domain.ChangeOrderSubStatus.Abnormal ? ", SubStatus 1 (a batch failed; SAE waits for a rollback)" : string.Empty)}");
        console.Out.WriteLine($"  batch         {order.CurrentBatch} of {order.BatchCount}{(order.FailedBatch is { } f ? $", batch {f} failed" : string.Empty)}");
        if (snapshot.FailureReason is not null)
        {
            console.Out.WriteLine($"  failure       {snapshot.FailureReason}");
        }

        console.Out.WriteLine($"  instances     {snapshot.Instances.Count} new, {snapshot.OtherInstances} older");
        foreach (var instance in snapshot.Instances.Take(20))
        {
            console.Out.WriteLine($"    {instance.InstanceId,-32} {instance.Version,-12} {instance.Condition,-13} restarts {instance.Restarts}{(instance.Detail is null ? string.Empty : "  " + instance.Detail)}");
        }

        console.Out.WriteLine($"  verdict       {verdict.Kind}{(verdict.Critical ? " (critical)" : string.Empty)}: {verdict.Reason}");
        foreach (var signal in signals)
        {
            console.Out.WriteLine($"  signal        {signal.Name}: {signal.Outcome}, {signal.Detail}");
        }

        console.Out.WriteLine($"  a watch would {assessment.Decision.ActionText}");
        console.Out.WriteLine($"  SAE calls     {read.SaeCalls}");
        return ExitCodes.Succeeded;
    }

    /// <summary>What <c>status</c> reads: the order, its app when given, and the SAE endpoint override.</summary>
    private sealed record StatusTarget(string Region, string ChangeOrderId, string? AppId, Uri? Endpoint);
}
