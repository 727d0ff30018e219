namespace ChangeGuard.Domain;

/// <summary>
/// Every log line's event id, in one table so that no two lines share one and an operator can filter on a range:
/// 1xxx the SAE client, 2xxx aborts, 3xxx the watch, 4xxx the rollback guard, 45xx signals, 5xxx the hosts, 6xxx
/// notifications.
/// </summary>
public static class LogEvents
{
    /// <summary>An SAE call was answered.</summary>
    public const int SaeCallCompleted = 1001;

    /// <summary>An SAE call failed.</summary>
    public const int SaeCallFailed = 1002;

    /// <summary>An SAE read is tried again.</summary>
    public const int SaeCallRetrying = 1003;

    /// <summary>SAE accepted an abort.</summary>
    public const int AbortAccepted = 2001;

    /// <summary>An abort was answered otherwise (busy, refused, unclear, not running).</summary>
    public const int AbortAnswered = 2002;

    /// <summary>SAE accepted a confirm of a waiting batch.</summary>
    public const int PromoteConfirmed = 2101;

    /// <summary>A confirm of a waiting batch was not made: the batch no longer waited, or SAE refused or failed it.</summary>
    public const int PromoteAnswered = 2102;

    /// <summary>A watch started.</summary>
    public const int WatchStarted = 3001;

    /// <summary>A watch polled and decided.</summary>
    public const int WatchPolled = 3002;

    /// <summary>A watch ended.</summary>
    public const int WatchEnded = 3003;

    /// <summary>The rollback guard swept.</summary>
    public const int GuardSwept = 4001;

    /// <summary>The rollback guard has nothing configured to sweep.</summary>
    public const int GuardIdle = 4002;

    /// <summary>A rollback guard sweep failed as a whole.</summary>
    public const int GuardSweepFailed = 4003;

    /// <summary>The rollback guard's timer fired late.</summary>
    public const int GuardTimerPastDue = 4004;

    /// <summary>The rollback guard could not sweep an app or an order.</summary>
    public const int GuardSweepError = 4005;

    /// <summary>A Prometheus signal was queried.</summary>
    public const int SignalQueried = 4501;

    /// <summary>An HTTP probe signal was called.</summary>
    public const int SignalProbed = 4502;

    /// <summary>Ended watches were purged.</summary>
    public const int WatchesPurged = 5001;

    /// <summary>Purging ended watches failed.</summary>
    public const int PurgeFailed = 5002;

    /// <summary>Counting the active watches for the gauge failed.</summary>
    public const int CensusFailed = 5003;

    /// <summary>A notification was delivered, or gave up.</summary>
    public const int NotificationDelivered = 6001;

    /// <summary>A notification is tried again.</summary>
    public const int NotificationRetrying = 6002;

    /// <summary>A notification waits for its channel's rate limit.</summary>
    public const int NotificationRateLimited = 6003;

    /// <summary>A notification was already delivered by this process.</summary>
    public const int NotificationDuplicate = 6004;

    /// <summary>A notification names a channel that is not configured.</summary>
    public const int NotificationUnknownChannel = 6005;

    /// <summary>An HTTP request answered by <c>serve</c>.</summary>
    public const int HttpRequest = 7001;
}
