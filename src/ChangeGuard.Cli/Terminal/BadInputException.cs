namespace ChangeGuard.Cli.Terminal;

/// <summary>
/// Bad input a command finds after parsing (a scenario without an order, a change order SAE refuses, a policy the engine
/// refuses): printed as one line, exit code 2, like the bad values the parser refuses.
/// </summary>
public sealed class BadInputException(string message) : Exception(message);
