using ChangeGuard.Sae.Errors;

namespace ChangeGuard.Core.Measurements;

/// <summary>
/// A failed SAE call as data, so the orchestration decides on a stable kind and code rather than on exception
/// types that must survive serialization. Carries no secret: SAE's message and request id only.
/// </summary>
public sealed record SaeFailure(SaeErrorKind Kind, string? Code, string Message, string? RequestId, TimeSpan? RetryAfter)
{
    /// <summary>The failure an exception describes.</summary>
    public static SaeFailure From(SaeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new SaeFailure(exception.Kind, exception.Code, exception.ErrorMessage ?? exception.Message, exception.RequestId, exception.RetryAfter);
    }

    /// <summary>A configuration problem (missing credentials, say) as a failure that retrying will not fix.</summary>
    public static SaeFailure From(SaeConfigurationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new SaeFailure(SaeErrorKind.Unauthenticated, "ChangeGuard.Configuration", exception.Message, null, null);
    }

    /// <summary>One line: code and message.</summary>
    public override string ToString() => $"{Code ?? Kind.ToString()}: {Message}";
}
