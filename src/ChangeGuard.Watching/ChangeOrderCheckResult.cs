using ChangeGuard.Domain;

namespace ChangeGuard.Watching;

/// <summary>What the check before a watch found.</summary>
public enum ChangeOrderCheckStatus
{
    /// <summary>The order exists and belongs to the app.</summary>
    Found,

    /// <summary>SAE could not be read right now; the watch's own polls will tell.</summary>
    Unknown,

    /// <summary>SAE has no such change order.</summary>
    NotFound,

    /// <summary>The order belongs to another app, or SAE refuses the request or the credentials for good.</summary>
    Invalid,
}

/// <summary>The check's answer, with the field at fault when the request cannot be watched.</summary>
public sealed record ChangeOrderCheckResult(ChangeOrderCheckStatus Status, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>The order exists and belongs to the app.</summary>
    public static ChangeOrderCheckResult Found { get; } = new(ChangeOrderCheckStatus.Found, []);

    /// <summary>SAE could not be read right now.</summary>
    public static ChangeOrderCheckResult Unknown { get; } = new(ChangeOrderCheckStatus.Unknown, []);

    /// <summary>The request cannot be watched, for the reason given.</summary>
    public static ChangeOrderCheckResult Invalid(ValidationError error) => new(ChangeOrderCheckStatus.Invalid, [error]);
}
