using System.Text;
using System.Text.Json;
using ChangeGuard.Domain;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Signals;

/// <summary>
/// Calls an HTTP probe and measures its answer as Argo Rollouts' web metric reads it: a non-2xx status or a transport
/// failure is an error; the JSON answer's <c>jsonPath</c> part is <c>result</c>, which the assessor judges with the
/// probe's conditions. Unlike Argo, an answer that is not JSON is an error when a condition must read it. A
/// status-only probe (Flagger's gate) measures the status alone. Header values are configured secrets and appear
/// nowhere but in the request.
/// </summary>
public sealed partial class HttpProbeReader(IHttpClientFactory http, IOptionsMonitor<SignalOptions> options, TimeProvider time, ILogger<HttpProbeReader> logger)
{
    private const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>Longest <c>result</c> a measurement carries: it is kept in the watch's history.</summary>
    private const int MaxResultChars = 16 * 1024;
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>One reading of the probe for this watch.</summary>
    public async Task<SignalMeasurement> ReadAsync(string name, HttpProbeSignal probe, SignalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var configured = options.CurrentValue;
        if (!Uri.TryCreate(probe.Url, UriKind.Absolute, out var url) || !new ProbeTargetAllowList(configured.ProbeTargets).Allows(url))
        {
            return SignalMeasurement.Failed(name, MeasurementError.Permanent("the probe's URL is not under an allowed probe target"));
        }

        using var request = new HttpRequestMessage(probe.StatusOnly ? HttpMethod.Post : ToHttp(probe.Method), url);
        foreach (var header in probe.Headers ?? [])
        {
            if (!configured.Secrets.TryGetValue(header.ValueFrom, out var value))
            {
                return SignalMeasurement.Failed(name, MeasurementError.Permanent($"the secret '{header.ValueFrom}' for header {header.Key} is not configured"));
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
            var bounded = await SignalAnswerBody.ReadAsync(response.Content, MaxAnswerBytes, linked.Token).ConfigureAwait(false);
            if (bounded is null)
            {
                LogProbe(logger, name, status, time.GetElapsedTime(started).TotalMilliseconds);
                return SignalMeasurement.Failed(name, MeasurementError.Transient($"the probe's answer is larger than {MaxAnswerBytes / 1024} KB")) with { HttpStatus = status };
            }

            answer = bounded;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogProbe(logger, name, 0, time.GetElapsedTime(started).TotalMilliseconds);
            return SignalMeasurement.Failed(name, MeasurementError.Transient($"the probe gave no answer within {probe.TimeoutSeconds}s"));
        }
        catch (HttpRequestException ex)
        {
            LogProbe(logger, name, 0, time.GetElapsedTime(started).TotalMilliseconds);
            return SignalMeasurement.Failed(name, MeasurementError.Transient($"the probe could not be reached ({ex.HttpRequestError})"));
        }

        LogProbe(logger, name, status, time.GetElapsedTime(started).TotalMilliseconds);
        var measured = new SignalMeasurement { Name = name, Kind = MeasurementKind.Value, HttpStatus = status, Detail = $"HTTP {status}" };
        if (probe.StatusOnly)
        {
            return status is >= 200 and < 300 ? measured : measured with { Detail = $"HTTP {status}{Excerpt(answer)}" };
        }

        if (status is < 200 or >= 300)
        {
            // As Argo's web metric: a non-2xx answer is an error, not a breach; refused credentials will not pass by themselves.
            var error = new MeasurementError(status is 401 or 403 ? ErrorClass.Permanent : ErrorClass.Transient, $"the probe answered HTTP {status}{Excerpt(answer)}");
            return SignalMeasurement.Failed(name, error) with { HttpStatus = status };
        }

        return probe.SuccessCondition is null && probe.FailureCondition is null ? measured : Measure(name, probe, answer, mediaType) with { HttpStatus = status };
    }

    /// <summary>
    /// A 2xx answer as a measurement: the JSON its <c>jsonPath</c> selects (<c>result</c>), for the assessor to judge with
    /// the probe's conditions. An answer that is not JSON is an error: a proxy's HTML page must not pass a gate.
    /// </summary>
    public static SignalMeasurement Measure(string name, HttpProbeSignal probe, byte[] answer, string? mediaType)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(answer);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer);
        }
        catch (JsonException)
        {
            return SignalMeasurement.Failed(name, MeasurementError.Transient($"the probe answered {(mediaType is null ? "something" : mediaType)} that is not JSON{Excerpt(answer)}"));
        }

        using (document)
        {
            JsonPathSelector.TryParse(probe.JsonPath, out var path, out _);
            var result = path.Select(document.RootElement)?.GetRawText();
            if (result is { Length: > MaxResultChars })
            {
                return SignalMeasurement.Failed(name, MeasurementError.Transient($"the probe's result is longer than {MaxResultChars / 1024} KB"));
            }

            return new SignalMeasurement { Name = name, Kind = MeasurementKind.Value, Result = result, Detail = result is null ? "result = nil" : $"result = {Clip(result, 200)}" };
        }
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

    [LoggerMessage(EventId = LogEvents.SignalProbed, Level = LogLevel.Debug, Message = "Signal {Signal} probed: HTTP {Status} in {Milliseconds} ms")]
    private static partial void LogProbe(ILogger logger, string signal, int status, double milliseconds);
}
