using System.Text.Json.Serialization;

namespace ChangeGuard.Domain.Policies;

/// <summary>How a query's value must compare with its threshold to be healthy, written as in PromQL alerts.</summary>
public enum SignalComparison
{
    /// <summary><c>&lt;=</c>: healthy while the value stays at or below the threshold (error rate, latency).</summary>
    [JsonStringEnumMemberName("<=")]
    AtMost,

    /// <summary><c>&gt;=</c>: healthy while the value stays at or above the threshold (success rate, throughput).</summary>
    [JsonStringEnumMemberName(">=")]
    AtLeast,
}
