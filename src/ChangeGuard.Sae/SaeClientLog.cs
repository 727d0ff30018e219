using ChangeGuard.Domain;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Sae.Errors;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Sae;

/// <summary>The client's log lines: action, request id, status and duration; never a key, token or signature.</summary>
internal static partial class SaeClientLog
{
    [LoggerMessage(EventId = LogEvents.SaeCallCompleted, Level = LogLevel.Debug,
        Message = "SAE {Action} answered HTTP {Status} in {ElapsedMs} ms (request id {RequestId}, attempt {Attempt})")]
    private static partial void LogCompleted(ILogger logger, string action, int status, string? requestId, long elapsedMs, int attempt);

    [LoggerMessage(EventId = LogEvents.SaeCallFailed, Level = LogLevel.Warning,
        Message = "SAE {Action} failed with {Code}, HTTP {Status}, in {ElapsedMs} ms (request id {RequestId}, attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, string action, int? status, string? code, string? requestId, long elapsedMs, int attempt);

    /// <summary>A call SAE answered with success: logged and counted.</summary>
    public static void Completed(ILogger logger, string action, int status, string? requestId, long elapsedMs, int attempt)
    {
        LogCompleted(logger, action, status, requestId, elapsedMs, attempt);
        ChangeGuardTelemetry.SaeCalls.Add(1, new KeyValuePair<string, object?>("api", action), new KeyValuePair<string, object?>("result", "ok"));
    }

    /// <summary>A call that failed: logged and counted by its code.</summary>
    public static void Failed(ILogger logger, string action, int? status, string? code, string? requestId, long elapsedMs, int attempt)
    {
        LogFailed(logger, action, status, code, requestId, elapsedMs, attempt);
        ChangeGuardTelemetry.SaeCalls.Add(1, new KeyValuePair<string, object?>("api", action), new KeyValuePair<string, object?>("result", code ?? "error"));
    }

    [LoggerMessage(EventId = LogEvents.SaeCallRetrying, Level = LogLevel.Information,
        Message = "SAE {Action} is retried after {Kind} (attempt {Attempt} of {Attempts}, waiting {DelayMs} ms)")]
    public static partial void Retrying(ILogger logger, string action, SaeErrorKind kind, int attempt, int attempts, long delayMs);
}
