using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Tests;

/// <summary>Runs <c>changeguard</c> in-process with captured output.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error, IsTerminal: false), cancel.Token);
        return (exit, output.ToString(), error.ToString());
    }
}

/// <summary>Tests that read or set process environment variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment";
}
