namespace ChangeGuard.Cli.Terminal;

/// <summary>Where a command writes, and whether its output goes to a terminal (colours) or is redirected (plain lines).</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>The process's console.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsOutputRedirected);
}
