using ChangeGuard.Simulator;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// The embedded engine's settings for a simulator the command started itself (<c>demo</c>, <c>rehearse</c>): its address
/// and local key pair, and quick read retries, since the simulator answers in milliseconds.
/// </summary>
internal static class SimulatedSae
{
    public static Dictionary<string, string?> Settings(RunningSimulator simulator) => new()
    {
        ["Sae:Endpoint"] = simulator.BaseAddress.ToString(),
        ["Sae:AccessKeyId"] = simulator.Options.AccessKeyId,
        ["Sae:AccessKeySecret"] = simulator.Options.AccessKeySecret,
        ["Sae:RetryBaseDelay"] = "00:00:00.050",
        ["Sae:MaxRetryDelay"] = "00:00:00.500",
    };
}
