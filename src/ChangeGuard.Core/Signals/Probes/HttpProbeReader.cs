using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChangeGuard.Core.Health;
using ChangeGuard.Core.Signals.Expressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Core.Signals.Probes;

/// <summary>
/// Calls an HTTP probe and judges its answer as Argo Rollouts' web metric does: a non-2xx status or a transport
/// failure is an error (not a breach); the JSON answer's <c>jsonPath</c> part is <c>result</c>; with a failure
/// condition that holds it is a breach, with a success condition that does not it is a breach, when neither decides
/// it is inconclusive (no data). Unlike Argo, an answer that is not JSON is an error when a condition must read it: a
/// proxy's HTML page must not pass a gate. Status-only probes follow Flagger: 2xx passes, any other status is a
/// breach. Header values are configured secrets and appear nowhere but in the request.
/// </summary>
public sealed partial class HttpProbeReader(IHttpClientFactory http, IOptionsMonitor<SignalOptions> options, TimeProvider time, ILogger<HttpProbeReader> logger)
{
    private const int MaxAnswerBytes = 1024 * 1024;
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>One reading of the probe for this watch.</summary>
    public async Task<SignalReading> ReadAsync(string name, HttpProbeSignal probe, SignalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var configured = options.CurrentValue;
        if (!Uri.TryCreate(probe.Url, UriKind.Absolute, out var url) || !new ProbeTargetAllowList(configured.ProbeTargets).Allows(url))
        {
            return SignalReading.Error(name, "the probe's URL is not under an allowed probe target");
        }

        using var request = new HttpRequestMessage(probe.StatusOnly ? HttpMethod.Post : ToHttp(probe.Method), url);
        foreach (var header in probe.Headers ?? [])
        {
            if (!configured.Secrets.TryGetValue(header.ValueFrom, out var value))
            {
                return SignalReading.Error(name, $"the secret '{header.ValueFrom}' for header {header.Key} is not configured");
            }

            request.Headers.TryAddWithoutValidation(header.Key, value);
        }

        if (probe.StatusOnly)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(FlaggerPayload.For(context, probe.Metadata), PayloadJson), Encoding.UTF8, "application/json");
        }
        else if (probe.JsonBody is { } json)
        {
            request.Content = new StringContent(json.GetRawText(), Encoding.UTF8, "application/json");
        }
        else if (probe.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
        }

        var limit = TimeSpan.FromSeconds(probe.TimeoutSeconds);
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        int status;
        string? mediaType;
        byte[] answer;
        try
        {
            using var response = await http.CreateClient(SignalReader.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            mediaType = response.Content.Headers.ContentType?.MediaType;
            answer = await ReadBoundedAsync(response.Content, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogProbe(logger, name, 0, time.GetElapsedTime(started).TotalMilliseconds);
            return SignalReading.Error(name, $"the probe gave no answer within {probe.TimeoutSeconds}s");
        }
        catch (HttpRequestException ex)
        {
            LogProbe(logger, name, 0, time.GetElapsedTime(started).TotalMilliseconds);
            return SignalReading.Error(name, $"the probe could not be reached ({ex.HttpRequestError})");
        }

        LogProbe(logger, name, status, time.GetElapsedTime(started).TotalMilliseconds);
        var success = status is >= 200 and < 300;
        if (probe.StatusOnly)
        {
            var evidence = new Evidence(name, $"HTTP {status}", "2xx", []);
            return success
                ? new SignalReading(name, SignalOutcome.Healthy, $"the gate answered HTTP {status}", evidence)
                : new SignalReading(name, SignalOutcome.Breach, $"the gate answered HTTP {status}{Excerpt(answer)}", evidence);
        }

        if (!success)
        {
            return SignalReading.Error(name, $"the probe answered HTTP {status}{Excerpt(answer)}");
        }

        return Judge(name, probe, answer, mediaType);
    }

    /// <summary>The verdict on a 2xx answer: the conditions over <c>result</c>, with Argo's rules.</summary>
    public static SignalReading Judge(string name, HttpProbeSignal probe, byte[] answer, string? mediaType)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(answer);
        if (probe.SuccessCondition is null && probe.FailureCondition is null)
        {
            return new SignalReading(name, SignalOutcome.Healthy, "the probe answered 2xx", new Evidence(name, "2xx", "2xx", []));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer);
        }
        catch (JsonException)
        {
            return SignalReading.Error(name, $"the probe answered {(mediaType is null ? "something" : mediaType)} that is not JSON{Excerpt(answer)}");
        }

        using (document)
        {
            JsonPathSelector.TryParse(probe.JsonPath, out var path, out _);
            var selected = path.Select(document.RootElement);
            var result = selected is { } element ? ExpressionValues.FromJson(element) : null;
            var observed = selected is { } e ? Clip(e.GetRawText(), 200) : "nil";
            try
            {
                var failed = probe.FailureCondition is { } failure && ConditionExpression.Parse(failure).Evaluate(result);
                var succeeded = probe.SuccessCondition is { } good && ConditionExpression.Parse(good).Evaluate(result);
                var threshold = string.Join(" and ", new[]
                {
                    probe.SuccessCondition is null ? null : $"success: {probe.SuccessCondition}",
                    probe.FailureCondition is null ? null : $"failure: {probe.FailureCondition}",
                }.OfType<string>());
                var evidence = new Evidence(name, $"result = {observed}", threshold, []);
                if (failed || (probe.SuccessCondition is not null && probe.FailureCondition is null && !succeeded))
                {
                    return new SignalReading(name, SignalOutcome.Breach, $"result {observed} fails {threshold}", evidence);
                }

                if (succeeded || probe.SuccessCondition is null)
                {
                    return new SignalReading(name, SignalOutcome.Healthy, $"result {observed} passes {threshold}", evidence);
                }

                return new SignalReading(name, SignalOutcome.NoData, $"result {observed} is inconclusive: neither condition holds", evidence);
            }
            catch (ExpressionException ex)
            {
                return SignalReading.Error(name, $"the condition could not be evaluated over result {observed}: {ex.Message}");
            }
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxAnswerBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static HttpMethod ToHttp(ProbeMethod method) => method switch
    {
        ProbeMethod.Post => HttpMethod.Post,
        ProbeMethod.Put => HttpMethod.Put,
        _ => HttpMethod.Get,
    };

    private static string Excerpt(byte[] answer)
    {
        var text = Encoding.UTF8.GetString(answer, 0, Math.Min(answer.Length, 400)).Trim();
        return text.Length == 0 ? string.Empty : $": {Clip(text, 120)}";
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Signal {Signal} probed: HTTP {Status} in {Milliseconds} ms")]
    private static partial void LogProbe(ILogger logger, string signal, int status, double milliseconds);
}
