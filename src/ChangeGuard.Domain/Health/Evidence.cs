namespace ChangeGuard.Domain.Health;

/// <summary>Why a verdict was reached: the signal, what was observed, the threshold, and the instances involved.</summary>
public sealed record Evidence(string Signal, string Observed, string Threshold, IReadOnlyList<string> Instances)
{
    /// <summary>One line for logs and status: <c>unavailableRatio 0.50 (2 of 4) &gt; 0.25</c>.</summary>
    public override string ToString() => $"{Signal} {Observed} (threshold {Threshold})";
}
