using System.Net;

namespace ChangeGuard.Sae.Errors;

/// <summary>
/// One failed SAE call: what SAE answered (status, code, message, request id, recommendation) and the
/// <see cref="Kind"/> callers decide on. Transport failures carry no status and <see cref="SaeErrorKind.Transient"/>.
/// </summary>
public sealed class SaeException : Exception
{
    /// <summary>Creates the exception for one failed call.</summary>
    public SaeException(
        string action,
        SaeErrorKind kind,
        HttpStatusCode? statusCode,
        string? code,
        string? errorMessage,
        string? requestId,
        string? recommend = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(FormatMessage(action, statusCode, code, errorMessage, requestId), innerException)
    {
        Action = action;
        Kind = kind;
        StatusCode = statusCode;
        Code = code;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        Recommend = recommend;
        RetryAfter = retryAfter;
    }

    /// <summary>The SAE action that failed, such as <c>AbortChangeOrder</c>.</summary>
    public string Action { get; }

    /// <summary>What kind of failure this is.</summary>
    public SaeErrorKind Kind { get; }

    /// <summary>The HTTP status, or null when no answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>SAE's error code, verbatim.</summary>
    public string? Code { get; }

    /// <summary>SAE's error message.</summary>
    public string? ErrorMessage { get; }

    /// <summary>SAE's request id, for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>SAE's troubleshooting link.</summary>
    public string? Recommend { get; }

    /// <summary>How long SAE asked the caller to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string FormatMessage(string action, HttpStatusCode? status, string? code, string? message, string? requestId)
    {
        var statusText = status is null ? "no response" : $"HTTP {(int)status}";
        var codeText = string.IsNullOrEmpty(code) ? "(no code)" : code;
        var requestText = string.IsNullOrEmpty(requestId) ? string.Empty : $" (request id {requestId})";
        return $"SAE {action} failed: {codeText}, {statusText}: {message}{requestText}";
    }
}
