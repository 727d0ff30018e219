namespace ChangeGuard.Domain.Assessment;

/// <summary>What one signal's measurement amounts to in one poll, on Argo's model.</summary>
public enum SignalOutcome
{
    /// <summary>Within its threshold, or its success condition held.</summary>
    Healthy,

    /// <summary>Past its threshold, or its failure condition held (or noData is breach).</summary>
    Breach,

    /// <summary>Nothing to judge: an empty result with <c>noData: ignore</c>, or a probe neither condition decides.</summary>
    NoData,

    /// <summary>The source could not be read or its answer could not be judged.</summary>
    Error,
}
