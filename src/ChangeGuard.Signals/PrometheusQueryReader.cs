using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChangeGuard.Domain;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Signals;

/// <summary>
/// Runs a Prometheus signal's instant query (<c>POST {url}/api/v1/query</c>) and measures its values: the lowest and
/// highest series, or no data; the assessor judges them against the threshold. Credentials come from configuration and
/// go only into the request's Authorization header: never into a measurement, a log line or an exception message.
/// </summary>
public sealed partial class PrometheusQueryReader(IHttpClientFactory http, IOptionsMonitor<SignalOptions> options, TimeProvider time, ILogger<PrometheusQueryReader> logger)
{
    /// <summary>The longest answer read (8 MB); a query that judges one app returns one series of a few hundred bytes.</summary>
    public const long MaxAnswerBytes = 8L * 1024 * 1024;

    /// <summary>One reading of the signal for this watch.</summary>
    public async Task<SignalMeasurement> ReadAsync(string name, PrometheusSignal signal, SignalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (options.CurrentValue.FindServer(signal.Server) is not { Url: { } url } server)
        {
            return SignalMeasurement.Failed(name, MeasurementError.Permanent($"no Prometheus server '{signal.Server}' is configured"));
        }

        var query = QueryPlaceholders.Fill(signal.Query, context, signal.Window);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url.ToString().TrimEnd('/') + "/api/v1/query"))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("query", query)]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (server.Password is not null)
        {
            var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{server.Username}:{server.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", pair);
        }
        else if (server.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", server.Token);
        }

        string body;
        HttpStatusCode status;
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(server.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await http.CreateClient(SignalReader.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            status = response.StatusCode;
            var bounded = await SignalAnswerBody.ReadAsync(response.Content, MaxAnswerBytes, linked.Token).ConfigureAwait(false);
            if (bounded is null)
            {
                LogQuery(logger, name, signal.Server ?? "default", (int)status, time.GetElapsedTime(started).TotalMilliseconds);
                return SignalMeasurement.Failed(name, MeasurementError.Transient($"Prometheus answered more than {MaxAnswerBytes / (1024 * 1024)} MB; the query should return one series"));
            }

            body = Encoding.UTF8.GetString(bounded);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogQuery(logger, name, signal.Server ?? "default", 0, time.GetElapsedTime(started).TotalMilliseconds);
            return SignalMeasurement.Failed(name, MeasurementError.Transient($"Prometheus gave no answer within {DurationFormat.Format(server.Timeout)}"));
        }
        catch (HttpRequestException ex)
        {
            LogQuery(logger, name, signal.Server ?? "default", 0, time.GetElapsedTime(started).TotalMilliseconds);
            return SignalMeasurement.Failed(name, MeasurementError.Transient($"Prometheus could not be reached ({ex.HttpRequestError})"));
        }

        LogQuery(logger, name, signal.Server ?? "default", (int)status, time.GetElapsedTime(started).TotalMilliseconds);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return SignalMeasurement.Failed(name, MeasurementError.Permanent($"Prometheus refused the configured credentials (HTTP {(int)status})"));
        }

        var (samples, problem) = PrometheusAnswer.Parse(body);
        if (samples is null)
        {
            var message = (int)status >= 300 ? $"HTTP {(int)status}: {problem}" : problem!;
            return SignalMeasurement.Failed(name, new MeasurementError(ClassOf(status), message));
        }

        return Measure(name, samples);
    }

    /// <summary>
    /// A query's samples as a measurement: the lowest and highest value with their series, or no data when there is no
    /// series or only NaN (a ratio without traffic).
    /// </summary>
    public static SignalMeasurement Measure(string name, IReadOnlyList<PrometheusSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var values = samples.Where(s => !double.IsNaN(s.Value)).ToArray();
        if (values.Length == 0)
        {
            var why = samples.Count == 0 ? "the query returned no series" : "the query returned only NaN (no traffic?)";
            return new SignalMeasurement { Name = name, Kind = MeasurementKind.NoData, Detail = why };
        }

        var lowest = values.MinBy(s => s.Value)!;
        var highest = values.MaxBy(s => s.Value)!;
        return new SignalMeasurement
        {
            Name = name,
            Kind = MeasurementKind.Value,
            Detail = $"{values.Length} series",
            Series = new SeriesRange(lowest.Value, Label(lowest), highest.Value, Label(highest), values.Length),
        };
    }

    /// <summary>
    /// How an answer that is not a result counts: the request itself is wrong (a bad query, no API at the URL, a method
    /// the server refuses) for good; a server error, an overload, a query that timed out (422) or an answer that is not
    /// the Prometheus API's may pass.
    /// </summary>
    private static ErrorClass ClassOf(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 and not (408 or 422 or 429) ? ErrorClass.Permanent : ErrorClass.Transient;

    private static string? Label(PrometheusSample sample) => sample.Labels.Count == 0 ? null : sample.ToString();

    [LoggerMessage(EventId = LogEvents.SignalQueried, Level = LogLevel.Debug, Message = "Signal {Signal} queried Prometheus {Server}: HTTP {Status} in {Milliseconds} ms")]
    private static partial void LogQuery(ILogger logger, string signal, string server, int status, double milliseconds);
}
