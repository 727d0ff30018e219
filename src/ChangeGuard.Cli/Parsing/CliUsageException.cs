namespace ChangeGuard.Cli.Parsing;

/// <summary>Bad input on the command line: printed as one line, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
