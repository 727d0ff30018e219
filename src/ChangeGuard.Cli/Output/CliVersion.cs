using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Output;

/// <summary>
/// <c>changeguard --version</c>: the build's informational version (<c>1.0.0+commit</c>), so a pipeline's log shows
/// which build watched the change.
/// </summary>
public sealed class CliVersion : SynchronousCommandLineAction
{
    /// <summary>The line printed: <c>changeguard 1.0.0+3e9d600…</c>.</summary>
    public static string Text { get; } = "changeguard " + Version(typeof(CliVersion).Assembly);

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Text);
        return ExitCodes.Succeeded;
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
