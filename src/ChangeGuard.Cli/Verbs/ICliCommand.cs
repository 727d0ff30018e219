using System.CommandLine;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Verbs;

/// <summary>One <c>changeguard</c> command: its word, help, and the System.CommandLine command that parses and runs it.</summary>
public interface ICliCommand
{
    /// <summary>The command word, such as <c>watch</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>Usage line, such as <c>changeguard watch --region R ...</c>.</summary>
    string Usage { get; }

    /// <summary>Example invocations for <c>--help</c>.</summary>
    IReadOnlyList<string> Examples { get; }

    /// <summary>
    /// The command's options, checks and action, built anew for each run (options are not shared between parsers).
    /// The action writes to <paramref name="console"/>; <paramref name="verbose"/> is <c>changeguard</c>'s <c>--verbose</c>.
    /// </summary>
    Command Build(CliConsole console, Option<bool> verbose);
}
