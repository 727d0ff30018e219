using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Remote;

/// <summary>
/// The watch API of a running <c>serve</c> or Functions app, over HTTP with its key: the same routes a CI pipeline
/// calls. The key goes in both hosts' headers (<c>X-Api-Key</c> for <c>serve</c>, <c>x-functions-key</c> for
/// Functions) and nowhere else. Refusals become <see cref="BadInputException"/> (exit 2) with the server's own words.
/// </summary>
public sealed class RemoteWatchApi : IDisposable
{
    private readonly HttpClient _http;

    public RemoteWatchApi(Uri server, string? key, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = new Uri(server.ToString().TrimEnd('/') + "/");
        _http.Timeout = TimeSpan.FromSeconds(30);
        if (key is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Api-Key", key);
            _http.DefaultRequestHeaders.Add("x-functions-key", key);
        }
    }

    /// <summary>A page of watches, as the server's JSON.</summary>
    public Task<JsonElement> ListAsync(string? status, int? top, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (status is not null)
        {
            query.Add("status=" + Uri.EscapeDataString(status));
        }

        if (top is { } count)
        {
            query.Add("top=" + count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return SendAsync(HttpMethod.Get, "api/watches" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query)), null, cancellationToken);
    }

    /// <summary>One watch, as the server's JSON.</summary>
    public Task<JsonElement> GetAsync(string changeOrderId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/watches/" + Uri.EscapeDataString(changeOrderId), null, cancellationToken);

    /// <summary>Asks the watch to abort its change order now.</summary>
    public Task<JsonElement> AbortAsync(string changeOrderId, string? reason, string? requestedBy, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/watches/{Uri.EscapeDataString(changeOrderId)}/abort",
            JsonSerializer.Serialize(new { reason, requestedBy }), cancellationToken);

    /// <summary>Asks the watch to confirm the batch its manual release waits for now.</summary>
    public Task<JsonElement> PromoteAsync(string changeOrderId, string? reason, string? requestedBy, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/watches/{Uri.EscapeDataString(changeOrderId)}/promote",
            JsonSerializer.Serialize(new { reason, requestedBy }), cancellationToken);

    /// <summary>Asks the watch to stop watching and leave the order alone.</summary>
    public Task<JsonElement> StopAsync(string changeOrderId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/watches/{Uri.EscapeDataString(changeOrderId)}/stop", null, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException($"cannot reach {_http.BaseAddress}: {ex.HttpRequestError}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"{_http.BaseAddress} gave no answer within {_http.Timeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body.Length == 0 ? default : Parse(body);
            }

            var problem = Describe(body);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new BadInputException($"the server refused the request ({(int)response.StatusCode}): {problem ?? "a key is needed"}; give --api-key-file"),
                HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnsupportedMediaType =>
                    new BadInputException(problem ?? $"the server answered {(int)response.StatusCode}"),
                _ => new InvalidOperationException($"the server answered {(int)response.StatusCode}{(problem is null ? string.Empty : ": " + problem)}"),
            };
        }
    }

    private static JsonElement Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException("the server's answer is not JSON: is --server a ChangeGuard server?", ex);
        }
    }

    /// <summary>A problem-details body in one line (detail, else title), or null.</summary>
    private static string? Describe(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text ? text
                : root.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
