namespace ChangeGuard.Domain;

/// <summary>
/// SAE's integer change order status, also used for batches (<c>Pipelines[].Status</c>). Values SAE adds later
/// still deserialize; <see cref="ChangeOrderStatusExtensions.IsTerminal"/> treats unknown values as not terminal.
/// </summary>
public enum ChangeOrderStatus
{
    /// <summary>0: preparing or ready.</summary>
    Preparing = 0,

    /// <summary>1: executing.</summary>
    Executing = 1,

    /// <summary>2: succeeded.</summary>
    Succeeded = 2,

    /// <summary>3: failed.</summary>
    Failed = 3,

    /// <summary>6: terminated (aborted).</summary>
    Aborted = 6,

    /// <summary>8: waiting for a person to confirm the next batch.</summary>
    WaitingForBatchConfirmation = 8,

    /// <summary>9: waiting for the automatic next batch.</summary>
    WaitingForNextBatch = 9,

    /// <summary>10: failed because of a system exception.</summary>
    SystemFailed = 10,

    /// <summary>11: waiting for approval.</summary>
    WaitingForApproval = 11,

    /// <summary>12: approved, waiting to run.</summary>
    Approved = 12,
}

/// <summary>Questions asked of a <see cref="ChangeOrderStatus"/>.</summary>
public static class ChangeOrderStatusExtensions
{
    /// <summary>True for 2, 3, 6 and 10: the order will not change again.</summary>
    public static bool IsTerminal(this ChangeOrderStatus status) =>
        status is ChangeOrderStatus.Succeeded or ChangeOrderStatus.Failed or ChangeOrderStatus.Aborted or ChangeOrderStatus.SystemFailed;

    /// <summary>True while an abort can still apply.</summary>
    public static bool IsRunning(this ChangeOrderStatus status) => !status.IsTerminal();
}
