namespace ChangeGuard.Simulator.Scenarios;

/// <summary>A scenario that cannot be played; the message names the field and what is wrong with it.</summary>
public sealed class ScenarioException(string message, Exception? inner = null) : Exception(message, inner);
