using ChangeGuard.Sae.Models.ChangeOrders;

namespace ChangeGuard.Core.Activities;

/// <summary>How one abort attempt ended.</summary>
public enum AbortAttemptOutcome
{
    /// <summary>SAE accepted the abort.</summary>
    Accepted,

    /// <summary><c>Application.ChangerOrder.Not.Running</c>; <see cref="AbortAttempt.OrderStatus"/> says where the order is.</summary>
    NotRunning,

    /// <summary>Busy (<c>Application.ChangerOrderRunning</c>), throttled or transient: try again.</summary>
    Retry,

    /// <summary>Denied, invalid, not found or unauthenticated: trying again will not help.</summary>
    Fatal,
}

/// <summary>The result of one abort attempt, as data the orchestration can switch on.</summary>
public sealed record AbortAttempt(AbortAttemptOutcome Outcome, ChangeOrderStatus? OrderStatus, SaeFailure? Failure, string? RequestId, int SaeCalls);
