using System.CommandLine;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Cli.Verbs;

/// <summary><c>changeguard simulate</c>: the SAE simulator on a fixed port, for local development with <c>func</c> or <c>serve</c>.</summary>
public sealed class SimulateCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "simulate";

    /// <inheritdoc />
    public string Summary => "run the local SAE simulator (signed requests, scripted rollouts, faults)";

    /// <inheritdoc />
    public string Usage => "changeguard simulate [--port P] [--scenario NAME|FILE]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard simulate --port 18080 --scenario bad-batch",
        "changeguard simulate --scenario ./my-rollout.json",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose)
    {
        var port = CliOptions.WholeNumber("--port", "P", "port on 127.0.0.1 (default 18080; 0 picks a free one)", p => p is < 0 or > 65535 ? $"must be from 0 to 65535, not {p}" : null);
        var scenario = CliOptions.Text("--scenario", "NAME|FILE", $"a built-in scenario ({string.Join(", ", ScenarioLoader.BuiltInNames)}) or a scenario file (default healthy-rollout)");
        var command = new Command(Name, Summary) { port, scenario };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(port) ?? 18080, parse.GetValue(scenario) ?? "healthy-rollout", parse.GetValue(verbose), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, string scenarioName, bool verbose, CliConsole console, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.LoadNameOrFile(scenarioName);
        await using var simulator = await SaeSimulatorServer.StartAsync(new SimulatorOptions { Port = port, Scenario = scenario, Verbose = verbose }, cancellationToken).ConfigureAwait(false);
        console.Out.WriteLine($"SAE simulator listening on {simulator.BaseAddress} playing '{scenario.Name}'.");
        console.Out.WriteLine($"  Sae__Endpoint={simulator.BaseAddress}  Sae__AccessKeyId={SimulatorOptions.DefaultAccessKeyId}  Sae__AccessKeySecret={SimulatorOptions.DefaultAccessKeySecret}");
        console.Out.WriteLine("  (local simulator values, not real keys). Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return ExitCodes.Succeeded;
    }
}
