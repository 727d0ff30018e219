using ChangeGuard.Domain;
using ChangeGuard.Sae.Errors;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Sae;

/// <summary>The client's log lines: action, request id, status and duration; never a key, token or signature.</summary>
internal static partial class SaeClientLog
{
    [LoggerMessage(EventId = LogEvents.SaeCallCompleted, Level = LogLevel.Debug,
        Message = "SAE {Action} answered HTTP {Status} in {ElapsedMs} ms (request id {RequestId}, attempt {Attempt})")]
    public static partial void Completed(ILogger logger, string action, int status, string? requestId, long elapsedMs, int attempt);

    [LoggerMessage(EventId = LogEvents.SaeCallFailed, Level = LogLevel.Warning,
        Message = "SAE {Action} failed with {Code}, HTTP {Status}, in {ElapsedMs} ms (request id {RequestId}, attempt {Attempt})")]
    public static partial void Failed(ILogger logger, string action, int? status, string? code, string? requestId, long elapsedMs, int attempt);

    [LoggerMessage(EventId = LogEvents.SaeCallRetrying, Level = LogLevel.Information,
        Message = "SAE {Action} is retried after {Kind} (attempt {Attempt} of {Attempts}, waiting {DelayMs} ms)")]
    public static partial void Retrying(ILogger logger, string action, SaeErrorKind kind, int attempt, int attempts, long delayMs);
}
