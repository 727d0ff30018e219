namespace ChangeGuard.Core.Signals;

/// <summary>What one signal concluded in one poll.</summary>
public enum SignalOutcome
{
    /// <summary>Within its threshold or condition.</summary>
    Healthy,

    /// <summary>Past its threshold, or its failure condition held.</summary>
    Breach,

    /// <summary>Nothing to judge: an empty result with <c>noData: ignore</c>, or an inconclusive probe.</summary>
    NoData,

    /// <summary>The source could not be read or its answer could not be judged.</summary>
    Error,
}
