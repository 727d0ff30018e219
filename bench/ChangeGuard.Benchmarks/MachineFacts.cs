using System.Runtime;
using System.Runtime.InteropServices;

namespace ChangeGuard.Benchmarks;

/// <summary>Where a result was measured: without these, a number in a committed result file cannot be compared.</summary>
/// <param name="ProcessorCount">Logical processors the process sees.</param>
/// <param name="Os">The operating system description.</param>
/// <param name="Architecture">The process architecture.</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="GcMode">Server or workstation GC, concurrent or not.</param>
/// <param name="DateUtc">When the run started, UTC, ISO 8601.</param>
/// <param name="ProcessorCountOverride">
/// <c>DOTNET_PROCESSOR_COUNT</c> when set: <paramref name="ProcessorCount"/> is then that value, not the machine's.
/// </param>
public sealed record MachineFacts(int ProcessorCount, string Os, string Architecture, string Runtime, string GcMode, string DateUtc, string? ProcessorCountOverride = null)
{
    /// <summary>Reads the facts of the current process.</summary>
    public static MachineFacts Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent"),
        DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        Environment.GetEnvironmentVariable("DOTNET_PROCESSOR_COUNT") is { Length: > 0 } forced ? forced : null);
}
