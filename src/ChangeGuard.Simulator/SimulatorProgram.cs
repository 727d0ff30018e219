using System.Globalization;
using System.Net;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator;

/// <summary>The simulator as a program: parses its few options, starts, prints where it listens, runs until Ctrl+C.</summary>
public static class SimulatorProgram
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        ChangeGuard SAE simulator: a local stand-in for Alibaba Cloud SAE (2019-05-06).

        Usage: dotnet run --project src/ChangeGuard.Simulator -- [options]

        Options:
          --port P                 port on 127.0.0.1 (default 18080; 0 picks a free one)
          --scenario NAME|FILE     a built-in scenario or a scenario JSON file (default: healthy-rollout)
          --access-key-id ID       the AccessKey ID requests must be signed with (default changeguard-sim-key)
          --access-key-secret S    the matching secret (default changeguard-sim-secret)
          --security-token T       require this STS token on every request
          --verbose                show ASP.NET Core's logs
          --help                   this text

        Built-in scenarios: {0}
        """;

    /// <summary>Runs the program; returns the exit code (2 for bad input).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        SimulatorOptions options;
        try
        {
            var parsed = Parse(args);
            if (parsed is null)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, Usage, string.Join(", ", ScenarioLoader.BuiltInNames)));
                return 0;
            }

            options = parsed;
        }
        catch (Exception ex) when (ex is ArgumentException or ScenarioException)
        {
            Console.Error.WriteLine($"changeguard-simulator: {ex.Message}");
            return 2;
        }

        await using var simulator = await SaeSimulatorServer.StartAsync(options).ConfigureAwait(false);
        Console.WriteLine($"SAE simulator listening on {simulator.BaseAddress} (scenario '{simulator.World.Scenario.Name}', AccessKey ID '{options.AccessKeyId}'). Ctrl+C stops it.");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    /// <summary>Parses the options; null when help was asked for.</summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        var port = 18080;
        var scenario = "healthy-rollout";
        var keyId = SimulatorOptions.DefaultAccessKeyId;
        var secret = SimulatorOptions.DefaultAccessKeySecret;
        string? token = null;
        var verbose = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return null;
                case "--port":
                    var text = Value(args, ref i);
                    if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out port) || port is < 0 or > 65535)
                    {
                        throw new ArgumentException($"--port must be a number from 0 to 65535, not '{text}'.");
                    }

                    break;
                case "--scenario":
                    scenario = Value(args, ref i);
                    break;
                case "--access-key-id":
                    keyId = Value(args, ref i);
                    break;
                case "--access-key-secret":
                    secret = Value(args, ref i);
                    break;
                case "--security-token":
                    token = Value(args, ref i);
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'; see --help.");
            }
        }

        return new SimulatorOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = port,
            Scenario = ScenarioLoader.LoadNameOrFile(scenario),
            AccessKeyId = keyId,
            AccessKeySecret = secret,
            SecurityToken = token,
            Verbose = verbose,
        };
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{args[i]} needs a value.");
        }

        return args[++i];
    }
}
