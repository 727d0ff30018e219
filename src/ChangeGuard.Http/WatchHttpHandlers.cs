using System.Text.Json;
using ChangeGuard.Domain.Json;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Orchestration;
using Microsoft.AspNetCore.Http;

namespace ChangeGuard.Http;

/// <summary>
/// The watch API over HTTP, written once for every host: Azure Functions and <c>changeguard serve</c> route
/// requests here and return the result as is, so status codes, bodies and validation cannot drift apart.
/// </summary>
public static class WatchHttpHandlers
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// POST /api/watches: 202 with Location for a new watch, 200 for an existing one, 400 naming bad fields (an order of
    /// another app included), 404 naming <c>changeOrderId</c> when SAE has no such order.
    /// </summary>
    public static async Task<IResult> StartAsync(WatchApi api, HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var (body, error) = await ReadJsonAsync<WatchStartRequest>(request, required: true, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var result = await api.StartAsync(body!, cancellationToken).ConfigureAwait(false);
        return result.Kind switch
        {
            WatchStartKind.Started => new ChangeGuardJsonResult(StatusCodes.Status202Accepted, result.Watch!, WatchRoutes.LocationOf(result.Watch!.ChangeOrderId)),
            WatchStartKind.AlreadyWatched => new ChangeGuardJsonResult(StatusCodes.Status200OK, result.Watch!, WatchRoutes.LocationOf(result.Watch!.ChangeOrderId)),
            WatchStartKind.NotFound => Problems.UnknownChangeOrder(result.Errors),
            WatchStartKind.TooMany => Problems.TooManyWatches(result.Errors),
            _ => Problems.Invalid(result.Errors),
        };
    }

    /// <summary>GET /api/watches/{changeOrderId}: 200 with the watch, 404 when there is none.</summary>
    public static async Task<IResult> GetAsync(WatchApi api, string changeOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (!WatchIds.IsValidId(changeOrderId))
        {
            return Problems.Invalid("changeOrderId", "must be 1 to 128 letters, digits or -_.: characters");
        }

        var watch = await api.GetAsync(changeOrderId, cancellationToken).ConfigureAwait(false);
        return watch is null ? Problems.NotFound(changeOrderId) : new ChangeGuardJsonResult(StatusCodes.Status200OK, watch);
    }

    /// <summary>GET /api/watches?status=&amp;top=&amp;continuationToken=: one page of watches.</summary>
    public static async Task<IResult> ListAsync(WatchApi api, HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        EngineStatus? status = null;
        if (request.Query.TryGetValue("status", out var statusText) && !string.IsNullOrEmpty(statusText))
        {
            if (!Enum.TryParse<EngineStatus>(statusText, ignoreCase: true, out var parsed) || int.TryParse(statusText, out _))
            {
                return Problems.Invalid("status", $"must be one of {string.Join(", ", Enum.GetNames<EngineStatus>().Select(JsonNamingPolicy.CamelCase.ConvertName))}");
            }

            status = parsed;
        }

        var top = 20;
        if (request.Query.TryGetValue("top", out var topText) && !string.IsNullOrEmpty(topText)
            && (!int.TryParse(topText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out top) || top is < 1 or > 100))
        {
            return Problems.Invalid("top", "must be a whole number from 1 to 100");
        }

        string? token = request.Query.TryGetValue("continuationToken", out var tokenText) && !string.IsNullOrEmpty(tokenText) ? tokenText.ToString() : null;
        var page = await api.ListAsync(new WatchQuery(status, top, token), cancellationToken).ConfigureAwait(false);
        return new ChangeGuardJsonResult(StatusCodes.Status200OK, page);
    }

    /// <summary>POST /api/watches/{changeOrderId}/abort (body: <c>{"reason", "requestedBy"}</c>, optional): 202, 404 or 409.</summary>
    public static Task<IResult> AbortAsync(WatchApi api, string changeOrderId, HttpRequest request, CancellationToken cancellationToken = default) =>
        CommandAsync(api, changeOrderId, request, "abort", (a, id, c, ct) => a.AbortAsync(id, c, ct), cancellationToken);

    /// <summary>POST /api/watches/{changeOrderId}/promote (body optional): 202, 404 or 409; the watch confirms the waiting batch and goes on.</summary>
    public static Task<IResult> PromoteAsync(WatchApi api, string changeOrderId, HttpRequest request, CancellationToken cancellationToken = default) =>
        CommandAsync(api, changeOrderId, request, "promote", (a, id, c, ct) => a.PromoteAsync(id, c, ct), cancellationToken);

    /// <summary>POST /api/watches/{changeOrderId}/stop (body optional): 202, 404 or 409.</summary>
    public static Task<IResult> StopAsync(WatchApi api, string changeOrderId, HttpRequest request, CancellationToken cancellationToken = default) =>
        CommandAsync(api, changeOrderId, request, "stop", (a, id, c, ct) => a.StopAsync(id, c, ct), cancellationToken);

    private static async Task<IResult> CommandAsync(
        WatchApi api,
        string changeOrderId,
        HttpRequest request,
        string accepted,
        Func<WatchApi, string, ManualCommand, CancellationToken, Task<CommandDelivery>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (!WatchIds.IsValidId(changeOrderId))
        {
            return Problems.Invalid("changeOrderId", "must be 1 to 128 letters, digits or -_.: characters");
        }

        var (body, error) = await ReadJsonAsync<ManualCommandRequest>(request, required: false, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var result = await send(api, changeOrderId, new ManualCommand(body?.Reason, body?.RequestedBy), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            CommandDelivery.Accepted => new ChangeGuardJsonResult(StatusCodes.Status202Accepted,
                new { changeOrderId, accepted }, WatchRoutes.LocationOf(changeOrderId)),
            CommandDelivery.NotFound => Problems.NotFound(changeOrderId),
            CommandDelivery.AlreadyEnded => Problems.Ended(changeOrderId),
            _ => Problems.Invalid("changeOrderId", "must be 1 to 128 letters, digits or -_.: characters"),
        };
    }

    private static async Task<(T? Body, IResult? Error)> ReadJsonAsync<T>(HttpRequest request, bool required, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.Invalid("body", $"must be at most {MaxBodyBytes / 1024} KB"));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxBodyBytes)
        {
            return (null, Problems.Invalid("body", $"must be at most {MaxBodyBytes / 1024} KB"));
        }

        var empty = buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t');
        if ((!empty || !string.IsNullOrEmpty(request.ContentType)) && !IsJson(request.ContentType))
        {
            // A body a browser can send cross-site without asking first (text/plain, a form) never reaches a handler.
            return (null, Problems.NotJson());
        }

        if (empty)
        {
            return required ? (null, Problems.Invalid("body", "a JSON object is required")) : (null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray(), StrictDocument);
        }
        catch (JsonException ex) when (DuplicateIn(ex.Message) is { } duplicate)
        {
            return (null, Problems.Invalid(duplicate, "appears more than once"));
        }
        catch (JsonException)
        {
            return (null, Problems.Invalid("body", "is not valid JSON"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problems.Invalid("body", "must be a JSON object"));
            }

            try
            {
                return (document.RootElement.Deserialize<T>(ChangeGuardJson.Options), null);
            }
            catch (JsonException ex)
            {
                return (null, Problems.Invalid(FieldOf(ex), Describe(ex)));
            }
            catch (Exception ex) when (ex is OverflowException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
            {
                // Bad input still, never a 500. Our converters throw JsonException, the only exception System.Text.Json
                // gives the path; for any other it puts the path in NotSupportedException's message at most.
                return (null, Problems.Invalid(PathIn(ex.Message) ?? "body", "has a value out of range or in the wrong format"));
            }
        }
    }

    /// <summary>JSON documents as the API reads them: a property may appear once.</summary>
    private static readonly JsonDocumentOptions StrictDocument = new() { AllowDuplicateProperties = false };

    /// <summary>True for <c>application/json</c> and <c>application/*+json</c>, with any parameters.</summary>
    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The property a duplicate-property error names, from its message (<c>... property 'name' ...</c>).</summary>
    private static string? DuplicateIn(string message)
    {
        if (!message.Contains("uplicate", StringComparison.Ordinal))
        {
            return null;
        }

        var start = message.IndexOf('\'');
        var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
        return end > start + 1 ? message[(start + 1)..end] : "body";
    }

    /// <summary>The field in a message that ends with System.Text.Json's <c>Path: $.policy.timeout | LineNumber: …</c>.</summary>
    private static string? PathIn(string message)
    {
        var start = message.LastIndexOf(" Path: $", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var path = message[(start + " Path: $".Length)..];
        var end = path.IndexOf(" | ", StringComparison.Ordinal);
        path = (end >= 0 ? path[..end] : path).TrimEnd('.').TrimStart('.');
        return path.Length > 0 ? path : null;
    }

    private static string FieldOf(JsonException ex)
    {
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal) && ex.Message.IndexOf('\'') is var start and >= 0)
        {
            var end = ex.Message.IndexOf('\'', start + 1);
            if (end > start)
            {
                var member = ex.Message[(start + 1)..end];
                var parent = ex.Path is { Length: > 2 } path ? path[2..] : string.Empty;
                var lastDot = parent.LastIndexOf('.');
                parent = lastDot > 0 ? parent[..lastDot] : string.Empty;
                return string.IsNullOrEmpty(parent) ? member : $"{parent}.{member}";
            }
        }

        return ex.Path is { Length: > 2 } p ? p[2..] : "body";
    }

    private static string Describe(JsonException ex)
    {
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "is not a known field";
        }

        foreach (var message in new[] { ex.Message, ex.InnerException?.Message })
        {
            if (message is not null && message.Contains("duration", StringComparison.Ordinal))
            {
                return message;
            }
        }

        return ex.Path is null or "$" ? "is not valid JSON" : "has the wrong type or format";
    }

    /// <summary>The optional body of abort and stop.</summary>
    private sealed record ManualCommandRequest(string? Reason, string? RequestedBy);
}
