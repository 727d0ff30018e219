using System.Text.Json;
using ChangeGuard.Sae.Errors;

namespace ChangeGuard.Simulator.Api;

/// <summary>Writes answers in SAE's envelope and its gateway's error body, with SAE's field names.</summary>
internal static class SaeResponseWriter
{
    public const string HostId = "sae.simulator.local";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static Task WriteOkAsync(HttpContext context, string requestId, SaeAnswer answer) =>
        WriteAsync(context, StatusCodes.Status200OK, requestId, OkEnvelope(requestId, answer));

    /// <summary>The success answer's body as text, for faults that garble it.</summary>
    public static string OkBody(string requestId, SaeAnswer answer) => JsonSerializer.Serialize(OkEnvelope(requestId, answer), Json);

    /// <summary>An error envelope under HTTP 200, as gateways that always answer 200 send it.</summary>
    public static Task WriteErrorInOkAsync(HttpContext context, string requestId, string code, string message) =>
        WriteAsync(context, StatusCodes.Status200OK, requestId, new { RequestId = requestId, Code = code, Message = message, Success = false });

    /// <summary>Any text under any status, for answers that are not SAE's API.</summary>
    public static async Task WriteTextAsync(HttpContext context, string requestId, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-acs-request-id"] = requestId;
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> OkEnvelope(string requestId, SaeAnswer answer)
    {
        var body = new Dictionary<string, object?>
        {
            ["RequestId"] = requestId,
            ["Code"] = "200",
            ["Message"] = "success",
            ["Success"] = true,
            ["TraceId"] = TraceId(requestId),
            ["Data"] = answer.Data,
        };
        if (answer.TopLevelPaging is { } paging)
        {
            body.Remove("TraceId");
            body["CurrentPage"] = paging.CurrentPage;
            body["PageSize"] = paging.PageSize;
            body["TotalSize"] = paging.TotalSize;
        }

        return body;
    }

    public static Task WriteErrorAsync(HttpContext context, string requestId, int status, string code, string message)
    {
        var body = new
        {
            RequestId = requestId,
            HostId,
            Code = code,
            Message = message,
            Recommend = $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(code)}&product=sae",
        };
        return WriteAsync(context, status, requestId, body);
    }

    public static string NewRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    public static string ThrottledMessage => "Request was denied due to user flow control.";

    public static string ThrottledCode => SaeErrorCodes.ThrottlingUser;

    public static string NonceUsedMessage => "Specified signature nonce was used already.";

    public static string InternalErrorMessage => "The request processing has failed due to some unknown error.";

    private static async Task WriteAsync(HttpContext context, int status, string requestId, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        context.Response.Headers["x-acs-request-id"] = requestId;
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), Json, context.RequestAborted).ConfigureAwait(false);
    }

    private static string TraceId(string requestId) => requestId.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant()[..16];
}
