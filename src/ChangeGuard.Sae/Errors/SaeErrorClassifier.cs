using System.Net;

namespace ChangeGuard.Sae.Errors;

/// <summary>Maps SAE's HTTP status and error code to the closed <see cref="SaeErrorKind"/> set.</summary>
public static class SaeErrorClassifier
{
    /// <summary>Classifies one failed answer; a positive retry-after alone means throttling.</summary>
    public static SaeErrorKind Classify(HttpStatusCode? status, string? code, TimeSpan? retryAfter = null)
    {
        code ??= string.Empty;
        switch (code)
        {
            case SaeErrorCodes.ChangeOrderNotRunning:
                return SaeErrorKind.NotRunning;
            case SaeErrorCodes.ChangeOrderRunning:
                return SaeErrorKind.ChangeInProgress;
            case SaeErrorCodes.ResourceNoPermission:
                return SaeErrorKind.PermissionDenied;

            // Before the "Signature*" rule: SAE answers a nonce it has seen when the same signed request reached it
            // twice (the HTTP stack resent it after the first answer was lost). Nothing is wrong with the credentials,
            // and a fresh attempt is signed with a new nonce.
            case SaeErrorCodes.NonceUsed:
                return SaeErrorKind.Transient;
            case SaeErrorCodes.ApplicationInvalidStatus or SaeErrorCodes.SystemUpgrading
                or SaeErrorCodes.InternalError or SaeErrorCodes.ServiceUnavailable:
                return SaeErrorKind.Transient;
        }

        if (code.StartsWith("Throttling", StringComparison.OrdinalIgnoreCase) || retryAfter > TimeSpan.Zero)
        {
            return SaeErrorKind.Throttled;
        }

        if (code.StartsWith("Forbidden", StringComparison.OrdinalIgnoreCase)
            || code.StartsWith("NoPermission", StringComparison.OrdinalIgnoreCase))
        {
            return SaeErrorKind.PermissionDenied;
        }

        if (code.StartsWith("Signature", StringComparison.OrdinalIgnoreCase)
            || code.StartsWith("InvalidAccessKeyId", StringComparison.OrdinalIgnoreCase)
            || code.StartsWith("InvalidTimeStamp", StringComparison.OrdinalIgnoreCase)
            || code.StartsWith("InvalidSecurityToken", StringComparison.OrdinalIgnoreCase)
            || code.Equals(SaeErrorCodes.IncompleteSignature, StringComparison.OrdinalIgnoreCase))
        {
            return SaeErrorKind.Unauthenticated;
        }

        if (code.EndsWith(".NotFound", StringComparison.OrdinalIgnoreCase))
        {
            return SaeErrorKind.NotFound;
        }

        if (code.StartsWith("InvalidParameter", StringComparison.OrdinalIgnoreCase)
            || code.StartsWith("MissingParameter", StringComparison.OrdinalIgnoreCase))
        {
            return SaeErrorKind.InvalidParameter;
        }

        return status switch
        {
            HttpStatusCode.TooManyRequests => SaeErrorKind.Throttled,
            HttpStatusCode.Unauthorized => SaeErrorKind.Unauthenticated,
            HttpStatusCode.Forbidden => SaeErrorKind.PermissionDenied,
            HttpStatusCode.NotFound => SaeErrorKind.NotFound,
            HttpStatusCode.RequestTimeout => SaeErrorKind.Transient,
            >= HttpStatusCode.InternalServerError => SaeErrorKind.Transient,
            null => SaeErrorKind.Transient,
            _ => SaeErrorKind.Other,
        };
    }

    /// <summary>True for the kinds a read may retry on its own.</summary>
    public static bool IsRetryable(SaeErrorKind kind) => kind is SaeErrorKind.Throttled or SaeErrorKind.Transient;

    /// <summary>
    /// True for refusals that asking again will not change (not found, no permission, a rejected parameter, bad
    /// credentials): callers must not count them as temporary blindness that waiting cures.
    /// </summary>
    public static bool IsPermanent(SaeErrorKind kind) =>
        kind is SaeErrorKind.NotFound or SaeErrorKind.PermissionDenied or SaeErrorKind.InvalidParameter or SaeErrorKind.Unauthenticated;
}
