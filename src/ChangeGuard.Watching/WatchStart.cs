using ChangeGuard.Domain;

namespace ChangeGuard.Watching;

/// <summary>What starting a watch did.</summary>
public enum WatchStartKind
{
    /// <summary>A new watch was scheduled.</summary>
    Started,

    /// <summary>The change order is already watched; the existing watch is returned.</summary>
    AlreadyWatched,

    /// <summary>The request was invalid; see the errors.</summary>
    Invalid,

    /// <summary>SAE has no such change order; see the errors.</summary>
    NotFound,

    /// <summary>As many watches as allowed already run (<c>ChangeGuard:MaxActiveWatches</c>); see the errors.</summary>
    TooMany,
}

/// <summary>The result of a start: the watch, or the validation errors naming each bad field.</summary>
public sealed record WatchStart(WatchStartKind Kind, WatchView? Watch, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>An invalid request.</summary>
    public static WatchStart Invalid(IReadOnlyList<ValidationError> errors) => new(WatchStartKind.Invalid, null, errors);
}
