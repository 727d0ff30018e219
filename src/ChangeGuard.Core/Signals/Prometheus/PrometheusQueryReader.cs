using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChangeGuard.Core.Health;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Core.Signals.Prometheus;

/// <summary>
/// Runs a Prometheus signal's instant query (<c>POST {url}/api/v1/query</c>) and judges the value against the
/// threshold. Several series are judged by the worst (the highest for <c>&lt;=</c>, the lowest for <c>&gt;=</c>); NaN
/// values, such as a ratio without traffic, count as no data. Credentials come from configuration and go only into
/// the request's Authorization header: never into a reading, a log line or an exception message.
/// </summary>
public sealed partial class PrometheusQueryReader(IHttpClientFactory http, IOptionsMonitor<SignalOptions> options, TimeProvider time, ILogger<PrometheusQueryReader> logger)
{
    /// <summary>One reading of the signal for this watch.</summary>
    public async Task<SignalReading> ReadAsync(string name, PrometheusSignal signal, SignalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (options.CurrentValue.FindServer(signal.Server) is not { Url: { } url } server)
        {
            return SignalReading.Error(name, $"no Prometheus server '{signal.Server}' is configured");
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
            using var response = await http.CreateClient(SignalReader.HttpClientName).SendAsync(request, linked.Token).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogQuery(logger, name, signal.Server ?? "default", 0, time.GetElapsedTime(started).TotalMilliseconds);
            return SignalReading.Error(name, $"Prometheus gave no answer within {Json.DurationFormat.Format(server.Timeout)}");
        }
        catch (HttpRequestException ex)
        {
            LogQuery(logger, name, signal.Server ?? "default", 0, time.GetElapsedTime(started).TotalMilliseconds);
            return SignalReading.Error(name, $"Prometheus could not be reached ({ex.HttpRequestError})");
        }

        LogQuery(logger, name, signal.Server ?? "default", (int)status, time.GetElapsedTime(started).TotalMilliseconds);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return SignalReading.Error(name, $"Prometheus refused the configured credentials (HTTP {(int)status})");
        }

        var (samples, problem) = PrometheusAnswer.Parse(body);
        if (samples is null)
        {
            return SignalReading.Error(name, (int)status >= 300 ? $"HTTP {(int)status}: {problem}" : problem!);
        }

        return Judge(name, signal, samples);
    }

    /// <summary>The verdict on a query's samples: the worst value against the threshold, or the no-data rule.</summary>
    public static SignalReading Judge(string name, PrometheusSignal signal, IReadOnlyList<PrometheusSample> samples)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(samples);
        var threshold = $"{(signal.Comparison == SignalComparison.AtMost ? "<=" : ">=")} {Format(signal.Threshold)}";
        var values = samples.Where(s => !double.IsNaN(s.Value)).ToArray();
        if (values.Length == 0)
        {
            var why = samples.Count == 0 ? "the query returned no series" : "the query returned only NaN (no traffic?)";
            var evidence = new Evidence(name, "no data", threshold, []);
            return signal.NoData switch
            {
                NoDataRule.Breach => new SignalReading(name, SignalOutcome.Breach, $"{why}; noData is breach", evidence),
                NoDataRule.Error => new SignalReading(name, SignalOutcome.Error, $"{why}; noData is error", evidence),
                _ => new SignalReading(name, SignalOutcome.NoData, why),
            };
        }

        var worst = signal.Comparison == SignalComparison.AtMost ? values.MaxBy(s => s.Value)! : values.MinBy(s => s.Value)!;
        var healthy = signal.Comparison == SignalComparison.AtMost ? worst.Value <= signal.Threshold : worst.Value >= signal.Threshold;
        var series = worst.Labels.Count == 0 ? Array.Empty<string>() : [worst.ToString()];
        var observed = Format(worst.Value);
        return healthy
            ? new SignalReading(name, SignalOutcome.Healthy, $"{observed} (threshold {threshold})", new Evidence(name, observed, threshold, series))
            : new SignalReading(name, SignalOutcome.Breach, $"{observed} breaches the threshold {threshold}", new Evidence(name, observed, threshold, series));
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Signal {Signal} queried Prometheus {Server}: HTTP {Status} in {Milliseconds} ms")]
    private static partial void LogQuery(ILogger logger, string signal, string server, int status, double milliseconds);
}
