using System.Diagnostics;
using ChangeGuard.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Http;

/// <summary>
/// One log line per request at Information: method, path, status and time taken. Never the query string, headers
/// or body, where keys and reasons live.
/// </summary>
public static partial class RequestLogging
{
    /// <summary>The category of the request lines, for log filters.</summary>
    public const string Category = "ChangeGuard.Http.Requests";

    /// <summary>Middleware logging each request once it has been answered.</summary>
    public static Func<RequestDelegate, RequestDelegate> Middleware(ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(Category);
        return next => async context =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                LogRequest(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        };
    }

    [LoggerMessage(EventId = LogEvents.HttpRequest, Level = LogLevel.Information, Message = "{Method} {Path} {Status} {ElapsedMs:0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs);
}
