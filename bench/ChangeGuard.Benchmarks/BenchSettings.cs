using System.Globalization;
using ChangeGuard.Simulator;

namespace ChangeGuard.Benchmarks;

/// <summary>The embedded engine's settings for a benchmark against a simulator: its endpoint and key, quick read retries.</summary>
public static class BenchSettings
{
    /// <summary>Settings pointing at <paramref name="simulator"/> with a call budget of <paramref name="callsPerMinute"/> (0: none).</summary>
    public static Dictionary<string, string?> For(RunningSimulator simulator, int callsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return new Dictionary<string, string?>
        {
            ["Sae:Endpoint"] = simulator.BaseAddress.ToString(),
            ["Sae:AccessKeyId"] = simulator.Options.AccessKeyId,
            ["Sae:AccessKeySecret"] = simulator.Options.AccessKeySecret,
            ["Sae:RetryBaseDelay"] = "00:00:00.010",
            ["Sae:MaxRetryDelay"] = "00:00:00.100",
            ["Sae:Budget:CallsPerMinute"] = callsPerMinute.ToString(CultureInfo.InvariantCulture),
        };
    }
}
