namespace ChangeGuard.Domain.Policies;

/// <summary>What an empty query result means for a signal; never a silent pass unless asked for.</summary>
public enum NoDataRule
{
    /// <summary>Counts as a breach: the metric should exist, so its absence is bad news.</summary>
    Breach,

    /// <summary>Neither passes nor fails (a quiet app at night); the timeout still bounds the watch.</summary>
    Ignore,

    /// <summary>Counts toward <c>consecutiveErrorLimit</c>, as an unreadable source does.</summary>
    Error,
}
