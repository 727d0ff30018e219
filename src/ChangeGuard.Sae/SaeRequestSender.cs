using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ChangeGuard.Domain;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Quota;
using ChangeGuard.Sae.Signing;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Sae.Wire.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ChangeGuard.Sae;

/// <summary>
/// Sends one SAE operation: signs it (ACS3), applies the per-attempt timeout, retries reads with jittered
/// backoff that honours retry-after, and turns every failure into a <see cref="SaeException"/>.
/// Writes are sent once: whether to try an abort again is the orchestration's decision.
/// </summary>
/// <remarks>
/// Read retries are a Polly <see cref="ResiliencePipeline"/> around one whole attempt (budget, build, sign, send,
/// parse), not a resilience handler on the <see cref="HttpClient"/>: whether to retry depends on SAE's parsed envelope
/// (a 200 can carry <c>InternalError</c>, a malformed 2xx is transient), every attempt must be signed anew because SAE
/// refuses a replayed nonce or a stale date, and every attempt spends the AccessKey's call budget. A handler sees only
/// the signed HTTP message and would resend it unchanged, outside the budget. The per-attempt timeout stays inside the
/// attempt, around send and read only, so that waiting for the budget never counts against it; a timeout becomes a
/// transient <see cref="SaeException"/> that the pipeline retries like any other.
/// </remarks>
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
    private ReadRetry? _readRetry;

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
        var pipeline = operation.IsRead ? ReadPipelineFor(options) : ResiliencePipeline.Empty;

        var attempt = 0;
        return await pipeline.ExecuteAsync(
            token => new ValueTask<(TData, string?)>(SendOnceAsync<TData>(endpoint, operation, query, credentials, options, ++attempt, token)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The retry pipeline for reads under <paramref name="options"/>: <see cref="SaeErrorKind.Throttled"/> and
    /// <see cref="SaeErrorKind.Transient"/> failures are tried again up to <see cref="SaeClientOptions.MaxReadAttempts"/>
    /// in all, waiting <see cref="RetryDelay"/> on <paramref name="timeProvider"/> so that tests control the clock.
    /// </summary>
    internal static ResiliencePipeline ReadPipeline(SaeClientOptions options, TimeProvider timeProvider, ILogger logger, Func<double>? jitter = null)
    {
        var attempts = options.MaxReadAttempts;
        if (attempts <= 1)
        {
            // Polly's retry needs at least one retry; a single attempt needs no strategy at all.
            return ResiliencePipeline.Empty;
        }

        var draw = jitter ?? Random.Shared.NextDouble;
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = attempts - 1,
                ShouldHandle = new PredicateBuilder().Handle<SaeException>(ex => SaeErrorClassifier.IsRetryable(ex.Kind)),

                // The generator decides every delay (Polly's own backoff is bypassed): see RetryDelay for why.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay(args, options, draw())),
                OnRetry = args =>
                {
                    // ShouldHandle lets only SaeException through, so a retried outcome always carries one.
                    var failure = (SaeException)args.Outcome.Exception!;
                    SaeClientLog.Retrying(logger, failure.Action, failure.Kind, args.AttemptNumber + 1, attempts, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>
    /// The wait after a failed read attempt: SAE's retry-after when the failure carried one, else jittered exponential
    /// backoff (<paramref name="jitter"/> in [0, 1]), both capped by <see cref="SaeClientOptions.MaxRetryDelay"/>.
    /// </summary>
    /// <remarks>
    /// <see cref="Backoff"/> rather than Polly's decorrelated jitter: its draw never falls below half the ceiling (Polly's
    /// can be close to zero, an immediate retry against a throttling SAE), and the abort retries and notification
    /// deliveries wait by the same rule, so <c>Sae:RetryBaseDelay</c> keeps its documented meaning.
    /// </remarks>
    internal static TimeSpan RetryDelay(RetryDelayGeneratorArguments<object> args, SaeClientOptions options, double jitter) =>
        Backoff.Delay(args.AttemptNumber + 1, options.RetryBaseDelay, options.MaxRetryDelay, jitter, (args.Outcome.Exception as SaeException)?.RetryAfter);

    /// <summary>The read pipeline for the current options, rebuilt only when the options change.</summary>
    private ResiliencePipeline ReadPipelineFor(SaeClientOptions options)
    {
        var cached = Volatile.Read(ref _readRetry);
        if (cached is null || !ReferenceEquals(cached.Options, options))
        {
            cached = new ReadRetry(options, ReadPipeline(options, _timeProvider, _logger));
            Volatile.Write(ref _readRetry, cached);
        }

        return cached.Pipeline;
    }

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
            var bounded = await AnswerBody.ReadAsync(response.Content, MaxAnswerBytes, timeout.Token).ConfigureAwait(false);
            if (bounded is null)
            {
                var status = response.StatusCode;
                response.Dispose();
                SaeClientLog.Failed(_logger, operation.Action, (int)status, AnswerTooLargeCode, null, Elapsed(started), attempt);
                throw new SaeException(operation.Action, SaeErrorKind.Transient, status, AnswerTooLargeCode,
                    $"the answer is larger than {MaxAnswerBytes / (1024 * 1024)} MB; SAE's answers are a few KB", null);
            }

            body = bounded;
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
            var (envelope, problem) = Parse<TData>(body, operation);
            var requestId = envelope?.RequestId ?? FirstHeader(response, "x-acs-request-id");

            if (response.IsSuccessStatusCode && !CarriesError(envelope))
            {
                if (problem is not null)
                {
                    // A 2xx that is not SAE's answer came from something in between (a broken gateway or proxy, a cut
                    // connection): another attempt may well get the real one, so reads retry it like a 5xx.
                    SaeClientLog.Failed(_logger, operation.Action, (int)status, MalformedAnswerCode, requestId, Elapsed(started), attempt);
                    throw new SaeException(operation.Action, SaeErrorKind.Transient, status, MalformedAnswerCode, problem, requestId);
                }

                SaeClientLog.Completed(_logger, operation.Action, (int)status, requestId, Elapsed(started), attempt);
                return (envelope!.Data!, requestId);
            }

            // Classified by SAE's code whatever the status: a 200 carrying InternalError is as transient as a 500.
            var code = envelope?.Code;
            var message = envelope?.Message ?? Snippet(body);
            var kind = SaeErrorClassifier.Classify(status, code, retryAfter);
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

    /// <summary>
    /// The code of a 2xx answer that is not what SAE's API promises (empty, HTML, truncated, mistyped, missing fields),
    /// classified <see cref="SaeErrorKind.Transient"/> because something between the client and SAE produced it.
    /// </summary>
    public const string MalformedAnswerCode = "ChangeGuard.MalformedAnswer";

    /// <summary>The code of an answer longer than <see cref="MaxAnswerBytes"/>: read no further, retried as transient.</summary>
    public const string AnswerTooLargeCode = "ChangeGuard.AnswerTooLarge";

    /// <summary>The longest answer the client reads (16 MB); SAE's largest, a page of change orders, is tens of KB.</summary>
    public const long MaxAnswerBytes = 16L * 1024 * 1024;

    /// <summary>What the answer's <c>Data</c> lacks of the fields the operation requires, if anything.</summary>
    private static string? DataProblem(JsonElement root, SaeOperation operation)
    {
        if (operation.RequiredDataFields.Length == 0)
        {
            return null;
        }

        if (!TryGetProperty(root, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return "the answer carried no Data object";
        }

        var missing = operation.RequiredDataFields.FirstOrDefault(field => !TryGetProperty(data, field, out var value) || value.ValueKind == JsonValueKind.Null);
        return missing is null ? null : $"the answer's Data lacks {missing}";
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

    /// <summary>
    /// Parses the body once: the envelope (null when it is not SAE's JSON) and, when the answer could not be SAE's
    /// success, what is wrong with it.
    /// </summary>
    private static (SaeEnvelope<TData>? Envelope, string? Problem) Parse<TData>(byte[] body, SaeOperation operation)
    {
        if (body.Length == 0)
        {
            return (null, "the answer was empty");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, $"the answer is not valid JSON: {Snippet(body)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"the answer is not a JSON object: {Snippet(body)}");
            }

            SaeEnvelope<TData> envelope;
            try
            {
                // An object always deserializes to an envelope.
                envelope = document.RootElement.Deserialize<SaeEnvelope<TData>>(SaeJson.Options)!;
            }
            catch (JsonException ex)
            {
                var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "a field";
                return (null, $"the answer's {field} has the wrong type");
            }

            return (envelope, DataProblem(document.RootElement, operation) ?? (envelope.Data is null ? "the answer carried no Data" : null));
        }
    }

    /// <summary>
    /// True when the envelope says the call failed: <c>Success</c> false, or an error code (anything but "200") without
    /// <c>Success</c> true. A gateway's error body carries no <c>Success</c> at all.
    /// </summary>
    private static bool CarriesError<TData>(SaeEnvelope<TData>? envelope) =>
        envelope is not null
        && (envelope.Success is false
            || (envelope.Success is not true && !string.IsNullOrEmpty(envelope.Code) && !string.Equals(envelope.Code, "200", StringComparison.Ordinal)));

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

    /// <summary>The options a read pipeline was built from, so that a configuration reload rebuilds it.</summary>
    private sealed record ReadRetry(SaeClientOptions Options, ResiliencePipeline Pipeline);
}
