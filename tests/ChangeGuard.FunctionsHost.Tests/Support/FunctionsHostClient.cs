using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChangeGuard.Testing.Http;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>
/// Talks to one running host as a CI pipeline and an operator would: the watch API with the default function key,
/// Durable's management webhooks with the master key.
/// </summary>
public sealed class FunctionsHostClient(Uri baseAddress, HostKeys keys) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>The keys the client sends.</summary>
    public HostKeys Keys { get; } = keys;

    /// <summary>Sends a request with the default function key (or <paramref name="key"/>; empty sends none).</summary>
    public async Task<HttpExchange> SendAsync(HttpMethod method, string pathAndQuery, string? jsonBody = null, string? key = null, string? contentType = HttpExchange.Json)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if ((key ?? Keys.Function) is { Length: > 0 } sent)
        {
            request.Headers.Add("x-functions-key", sent);
        }

        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new HttpExchange((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, response.Headers.Location?.OriginalString);
    }

    /// <summary>Starts a watch and requires 202.</summary>
    public async Task StartWatchAsync(string appId, string changeOrderId, string policyJson = """{"pollInterval":"1s","failureLimit":2}""")
    {
        var body = $$"""{"regionId":"cn-hangzhou","appId":"{{appId}}","changeOrderId":"{{changeOrderId}}","policy":{{policyJson}},"requestedBy":"host-tests"}""";
        var started = await SendAsync(HttpMethod.Post, "/api/watches", body).ConfigureAwait(false);
        Assert.True(started.Status == 202, $"POST /api/watches answered {started.Status}: {started.Body}");
    }

    /// <summary>The watch of <paramref name="changeOrderId"/> once it has ended (at most <paramref name="within"/>).</summary>
    public async Task<JsonElement> WaitForEndAsync(string changeOrderId, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        var last = default(HttpExchange);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            last = await SendAsync(HttpMethod.Get, $"/api/watches/{changeOrderId}").ConfigureAwait(false);
            if (last.Status == 200 && JsonDocument.Parse(last.Body).RootElement.Clone() is var watch && watch.GetProperty("hasEnded").GetBoolean())
            {
                return watch;
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        throw new TimeoutException($"the watch of {changeOrderId} did not end within {within}; last answer: {last?.Status} {last?.Body}");
    }

    /// <summary>The watch of <paramref name="changeOrderId"/> once one exists (at most <paramref name="within"/>).</summary>
    public async Task<JsonElement> WaitForWatchAsync(string changeOrderId, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        var last = default(HttpExchange);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            last = await SendAsync(HttpMethod.Get, $"/api/watches/{changeOrderId}").ConfigureAwait(false);
            if (last.Status == 200)
            {
                return JsonDocument.Parse(last.Body).RootElement.Clone();
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        throw new TimeoutException($"no watch of {changeOrderId} within {within}; last answer: {last?.Status} {last?.Body}");
    }

    /// <summary>Waits until the watch of <paramref name="changeOrderId"/> has polled <paramref name="polls"/> times.</summary>
    public async Task WaitForPollsAsync(string changeOrderId, int polls, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var watch = await WaitForWatchAsync(changeOrderId, within).ConfigureAwait(false);
            if (watch.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object && status.GetProperty("polls").GetInt32() >= polls)
            {
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the watch of {changeOrderId} did not poll {polls} times within {within}: {watch}");
            }

            await Task.Delay(250).ConfigureAwait(false);
        }
    }

    /// <summary>The outcome of an ended watch, such as <c>aborted</c>.</summary>
    public static string? Outcome(JsonElement watch) =>
        watch.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.Object ? outcome.GetProperty("outcome").GetString() : null;

    /// <summary>Every orchestration instance of the task hub, through Durable's webhook: id and runtime status.</summary>
    public async Task<IReadOnlyList<(string InstanceId, string RuntimeStatus)>> ListInstancesAsync()
    {
        var answer = await SendAsync(HttpMethod.Get, "/runtime/webhooks/durabletask/instances?top=1000", key: Keys.Master).ConfigureAwait(false);
        Assert.True(answer.Status == 200, $"Durable's instances webhook answered {answer.Status}: {answer.Body}");
        return JsonDocument.Parse(answer.Body).RootElement.EnumerateArray()
            .Select(i => (i.GetProperty("instanceId").GetString()!, i.GetProperty("runtimeStatus").GetString()!))
            .ToArray();
    }

    /// <summary>Terminates an instance through Durable's webhook.</summary>
    public Task<HttpExchange> TerminateAsync(string instanceId) =>
        SendAsync(HttpMethod.Post, $"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}/terminate?reason=test-reset", key: Keys.Master);

    /// <summary>Deletes an ended instance's history through Durable's webhook.</summary>
    public Task<HttpExchange> PurgeAsync(string instanceId) =>
        SendAsync(HttpMethod.Delete, $"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}", key: Keys.Master);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
