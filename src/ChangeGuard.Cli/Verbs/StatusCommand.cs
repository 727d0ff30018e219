using System.CommandLine;
using System.Text.Json;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Domain;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Watching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// <c>changeguard status</c>: one health snapshot of a change order and the decision a watch starting now would reach,
/// on the configured default policy, without starting a watch (restarts count since each new instance started).
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
            var request = new WatchStartRequest
            {
                RegionId = parse.GetValue(region),
                AppId = parse.GetValue(appId),
                ChangeOrderId = parse.GetValue(changeOrderId),
                Policy = policyOptions.Read(parse) with { Signals = parse.GetValue(signals) },
            };
            return RunAsync(request, parse.GetValue(endpoint), parse.GetValue(json), console, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Previews through the watching code (<see cref="WatchPreviewer"/>): the configured default policy with the options
    /// over it, the same readers and the same assessor as a watch.
    /// </summary>
    private static async Task<int> RunAsync(WatchStartRequest request, Uri? endpoint, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddChangeGuardWatching(configuration);
        services.PostConfigure<SaeClientOptions>(o => o.Endpoint = endpoint ?? o.Endpoint);
        await using var provider = services.BuildServiceProvider();
        var preview = await provider.GetRequiredService<WatchPreviewer>().PreviewAsync(request, cancellationToken).ConfigureAwait(false);
        if (preview.Errors.FirstOrDefault() is { } invalid)
        {
            throw new BadInputException(invalid.Field == "credentials" ? invalid.Message : $"{PolicyOptions.OptionFor(invalid.Field)} {invalid.Message}");
        }

        var (target, assessment, read) = (preview.Target!, preview.Assessment!, preview.Measurement!);
        if (read.Snapshot is not { } snapshot)
        {
            var error = read.Error!;
            throw error.Class == ErrorClass.Permanent
                ? new BadInputException($"SAE refuses to read change order {target.ChangeOrderId}: {error.Message}")
                : new InvalidOperationException($"SAE could not be read: {error.Message}");
        }

        var verdict = assessment.Instances;
        var signals = assessment.Signals;
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { snapshot, verdict, signals, decision = assessment.Decision, saeCalls = read.SaeCalls }, new JsonSerializerOptions(ChangeGuardJson.Options) { WriteIndented = true }));
            return ExitCodes.Succeeded;
        }

        var order = snapshot.Order;
        console.Out.WriteLine($"Change order {target.ChangeOrderId} of app {target.AppId} in {target.RegionId}");
        console.Out.WriteLine($"  status        {(int)order.Status} {order.Status}{(order.SubStatus == ChangeOrderSubStatus.Abnormal ? ", SubStatus 1 (a batch failed; SAE waits for a rollback)" : string.Empty)}");
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
}
