using ChangeGuard.Domain.Policy;
using ChangeGuard.Domain;

namespace ChangeGuard.Watching;

/// <summary>What starting a watch did.</summary>
public enum StartWatchStatus
{
    /// <summary>A new watch was scheduled.</summary>
    Started,

    /// <summary>The change order is already watched; the existing watch is returned.</summary>
    AlreadyWatched,

    /// <summary>The request was invalid; see the errors.</summary>
    Invalid,

    /// <summary>SAE has no such change order; see the errors.</summary>
    NotFound,
}

/// <summary>The result of a start: the watch, or the validation errors naming each bad field.</summary>
public sealed record StartWatchResult(StartWatchStatus Status, WatchView? Watch, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>An invalid request.</summary>
    public static StartWatchResult Invalid(IReadOnlyList<ValidationError> errors) => new(StartWatchStatus.Invalid, null, errors);
}
