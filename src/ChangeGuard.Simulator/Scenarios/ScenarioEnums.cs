namespace ChangeGuard.Simulator.Scenarios;

/// <summary>How batches follow each other.</summary>
public enum BatchMode
{
    /// <summary>Automatically, after <c>batchWaitSeconds</c>.</summary>
    Auto,

    /// <summary>After someone confirms (status 8 meanwhile).</summary>
    Manual,
}

/// <summary>What a failed batch does to its order.</summary>
public enum FailureMode
{
    /// <summary>The order fails (status 3).</summary>
    Fail,

    /// <summary>The order stays executing with SubStatus 1 until someone rolls back.</summary>
    SubStatus,
}

/// <summary>What the last batch does when nobody aborts.</summary>
public enum OrderEnding
{
    /// <summary>The order succeeds when its last batch ends.</summary>
    Succeed,

    /// <summary>The last batch fails when it ends.</summary>
    Fail,

    /// <summary>The last batch never ends.</summary>
    Stuck,
}
