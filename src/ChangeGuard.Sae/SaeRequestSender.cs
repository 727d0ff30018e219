using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChangeGuard.Sae.Budget;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Signing;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Sae.Wire.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Sae;

/// <summary>
/// Sends one SAE operation: signs it (ACS3), applies the per-attempt timeout, retries reads with jittered
/// backoff that honours retry-after, and turns every failure into a <see cref="SaeException"/>.
/// Writes are sent once: whether to try an abort again is the orchestration's decision.
/// </summary>
public sealed class SaeRequestSender
{
    /// <summary>The name of the <see cref="HttpClient"/> this sender asks the factory for.</summary>
    public const string HttpClientName = "ChangeGuard.Sae";

    private static readonly string UserAgent = $"ChangeGuard/{typeof(SaeRequestSender).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<SaeClientOptions> _options;
    private readonly ISaeCredentialSource _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SaeRequestSender> _logger;
    private readonly SaeCallBudget _budget;

    /// <summary>Creates a sender.</summary>
    public SaeRequestSender(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<SaeClientOptions> options,
        ISaeCredentialSource credentials,
        TimeProvider timeProvider,
        ILogger<SaeRequestSender> logger,
        SaeCallBudget budget)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _credentials = credentials;
        _timeProvider = timeProvider;
        _logger = logger;
        _budget = budget;
    }

    /// <summary>Sends an operation and returns its <c>Data</c>.</summary>
    public async Task<TData> SendAsync<TData>(
        string regionId, SaeOperation operation, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
        where TData : class
    {
        var (data, _) = await SendWithRequestIdAsync<TData>(regionId, operation, query, cancellationToken).ConfigureAwait(false);
        return data;
    }

    /// <summary>Sends an operation and returns its <c>Data</c> with SAE's request id.</summary>
    public async Task<(TData Data, string? RequestId)> SendWithRequestIdAsync<TData>(
        string regionId, SaeOperation operation, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(query);
        var options = _options.CurrentValue;
        var endpoint = SaeRegion.EndpointFor(regionId, options.Endpoint);
        var credentials = _credentials.GetCredentials();
        var attempts = operation.IsRead ? options.MaxReadAttempts : 1;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync<TData>(endpoint, operation, query, credentials, options, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (SaeException ex) when (attempt < attempts && SaeErrorClassifier.IsRetryable(ex.Kind))
            {
                var delay = RetryDelay(attempt, ex.RetryAfter, options);
                SaeClientLog.Retrying(_logger, operation.Action, ex.Kind, attempt, attempts, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Full-jitter exponential backoff, or SAE's retry-after when it gave one, capped by the options.</summary>
    internal static TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter, SaeClientOptions options, double? jitter = null) =>
        Backoff.Delay(attempt, options.RetryBaseDelay, options.MaxRetryDelay, jitter ?? Random.Shared.NextDouble(), retryAfter);

    private async Task<(TData, string?)> SendOnceAsync<TData>(
        Uri endpoint,
        SaeOperation operation,
        IReadOnlyList<KeyValuePair<string, string>> query,
        SaeCredentials credentials,
        SaeClientOptions options,
        int attempt,
        CancellationToken cancellationToken)
        where TData : class
    {
        await _budget.AcquireAsync(credentials.AccessKeyId, SaeCallScope.Priority, cancellationToken).ConfigureAwait(false);
        using var request = BuildRequest(endpoint, operation, query, credentials);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();

        HttpResponseMessage response;
        byte[] body;
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = new SaeException(operation.Action, SaeErrorKind.Transient, null, null,
                $"no answer within {options.AttemptTimeout.TotalSeconds:0.#} s", null, innerException: ex);
            SaeClientLog.Failed(_logger, operation.Action, null, "Timeout", null, Elapsed(started), attempt);
            throw failure;
        }
        catch (HttpRequestException ex)
        {
            var failure = new SaeException(operation.Action, SaeErrorKind.Transient, null, null,
                $"connection failed ({ex.HttpRequestError})", null, innerException: ex);
            SaeClientLog.Failed(_logger, operation.Action, null, "ConnectionFailed", null, Elapsed(started), attempt);
            throw failure;
        }

        using (response)
        {
            var status = response.StatusCode;
            var retryAfter = ReadRetryAfter(response);
            var (envelope, missing) = TryParse<TData>(body, operation);
            var requestId = envelope?.RequestId ?? FirstHeader(response, "x-acs-request-id");

            if (response.IsSuccessStatusCode && envelope is { Success: not false, Data: not null })
            {
                if (missing is not null)
                {
                    SaeClientLog.Failed(_logger, operation.Action, (int)status, MalformedAnswerCode, requestId, Elapsed(started), attempt);
                    throw new SaeException(operation.Action, SaeErrorKind.Other, status, MalformedAnswerCode, $"the answer's Data lacks {missing}", requestId);
                }

                SaeClientLog.Completed(_logger, operation.Action, (int)status, requestId, Elapsed(started), attempt);
                return (envelope.Data, requestId);
            }

            var code = envelope?.Code ?? (response.IsSuccessStatusCode ? MalformedAnswerCode : null);
            var message = envelope?.Message ?? Snippet(body);
            if (response.IsSuccessStatusCode && envelope is not null && envelope.Success is not false && envelope.Data is null)
            {
                message = "the answer carried no Data";
            }

            var kind = SaeErrorClassifier.Classify(response.IsSuccessStatusCode ? null : status, code, retryAfter);
            if (response.IsSuccessStatusCode && kind == SaeErrorKind.Transient)
            {
                kind = SaeErrorKind.Other;
            }

            if (kind == SaeErrorKind.Throttled)
            {
                _budget.Penalize(credentials.AccessKeyId, retryAfter);
            }

            SaeClientLog.Failed(_logger, operation.Action, (int)status, code, requestId, Elapsed(started), attempt);
            throw new SaeException(operation.Action, kind, status, code, message, requestId, envelope?.Recommend, retryAfter);
        }
    }

    private HttpRequestMessage BuildRequest(
        Uri endpoint, SaeOperation operation, IReadOnlyList<KeyValuePair<string, string>> query, SaeCredentials credentials)
    {
        var host = endpoint.Authority;
        var queryString = AcsV3Signer.CanonicalQueryString(query);
        var uri = new Uri(endpoint, operation.Path + (queryString.Length > 0 ? "?" + queryString : string.Empty));

        var headers = new List<KeyValuePair<string, string>>(8)
        {
            new("host", host),
            new("x-acs-action", operation.Action),
            new("x-acs-version", SaeOperations.Version),
            new("x-acs-date", _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", Guid.NewGuid().ToString("N")),
            new("x-acs-content-sha256", AcsV3Signer.EmptyPayloadHash),
        };
        if (credentials.SecurityToken is { } token)
        {
            headers.Add(new("x-acs-security-token", token));
        }

        var authorization = AcsV3Signer.Sign(
            new AcsSigningRequest(operation.Method.Method, operation.Path, query, headers, AcsV3Signer.EmptyPayloadHash),
            credentials.AccessKeyId,
            credentials.AccessKeySecret);

        var request = new HttpRequestMessage(operation.Method, uri);
        request.Headers.Host = host;
        foreach (var (name, value) in headers)
        {
            if (name != "host")
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return request;
    }

    /// <summary>The code of an answer that is not what SAE's API promises (truncated, mistyped, missing fields).</summary>
    public const string MalformedAnswerCode = "ChangeGuard.MalformedAnswer";

    private static string? MissingDataField(JsonElement root, SaeOperation operation)
    {
        if (operation.RequiredDataFields.Length == 0)
        {
            return null;
        }

        if (!TryGetProperty(root, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return "an object";
        }

        return operation.RequiredDataFields.FirstOrDefault(field => !TryGetProperty(data, field, out var value) || value.ValueKind == JsonValueKind.Null);
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Parses the body once: the envelope (null when it is not SAE's JSON) and the first required field it lacks.</summary>
    private static (SaeEnvelope<TData>? Envelope, string? MissingField) TryParse<TData>(byte[] body, SaeOperation operation)
    {
        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (document.RootElement.Deserialize<SaeEnvelope<TData>>(SaeJson.Options), MissingDataField(document.RootElement, operation));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        if (FirstHeader(response, "x-acs-retry-after") is { } acs
            && double.TryParse(acs, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta && delta > TimeSpan.Zero)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : null;
            }
        }

        return null;
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Snippet(byte[] body)
    {
        if (body.Length == 0)
        {
            return "empty answer";
        }

        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        return text.ReplaceLineEndings(" ");
    }

    private long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
