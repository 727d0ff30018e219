namespace ChangeGuard.Domain.Health;

/// <summary>What one poll concluded.</summary>
public enum VerdictKind
{
    /// <summary>The change is progressing and what can be judged is healthy.</summary>
    Healthy,

    /// <summary>A threshold was crossed; critical breaches abort at once, others after <c>failureLimit</c> in a row.</summary>
    Breach,

    /// <summary>A batch runs but there is nothing to judge (no new instances yet): never a silent pass.</summary>
    NoData,

    /// <summary>The order waits for a person: approval or a manual batch confirmation.</summary>
    WaitingForHuman,

    /// <summary>The order succeeded.</summary>
    Succeeded,

    /// <summary>The order ended otherwise: failed, or aborted by someone else.</summary>
    EndedOtherwise,

    /// <summary>SAE could not be read this poll.</summary>
    ReadFailed,
}
