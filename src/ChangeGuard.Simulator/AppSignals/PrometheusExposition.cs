using System.Globalization;
using System.Text;

namespace ChangeGuard.Simulator.AppSignals;

/// <summary>
/// Writes apps' request metrics in the Prometheus text exposition format, in two forms. The ARMS form: gauges
/// <c>arms_app_requests_count_raw</c>, <c>arms_app_requests_error_count_raw</c> and <c>arms_app_requests_seconds_raw</c>
/// holding the sum over the current 15-second bucket, labelled <c>pid</c>, <c>service</c>, <c>serverIp</c>; query them
/// with <c>sum_over_time</c> ratios. The plain form: counters <c>http_requests_total{code}</c> and the summary
/// <c>http_request_duration_seconds</c>; query them with <c>rate()</c>.
/// </summary>
internal static class PrometheusExposition
{
    /// <summary>The content type Prometheus scrapes.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IReadOnlyList<AppMetricsSnapshot> apps)
    {
        var text = new StringBuilder();
        Gauge(text, apps, "arms_app_requests_count_raw", "Requests in the current 15 s bucket (ARMS application monitoring).",
            r => Math.Round(r.RequestsPerSecond * AppMetricsSnapshot.BucketSeconds));
        Gauge(text, apps, "arms_app_requests_error_count_raw", "Failed requests in the current 15 s bucket (ARMS application monitoring).",
            r => Math.Round(Math.Round(r.RequestsPerSecond * AppMetricsSnapshot.BucketSeconds) * r.ErrorRate));
        Gauge(text, apps, "arms_app_requests_seconds_raw", "Seconds spent on requests in the current 15 s bucket (ARMS application monitoring).",
            r => Math.Round(r.RequestsPerSecond * AppMetricsSnapshot.BucketSeconds) * r.LatencyMs / 1000);

        text.Append("# HELP http_requests_total Requests served, by status code.\n# TYPE http_requests_total counter\n");
        foreach (var (app, rates) in Series(apps))
        {
            var totals = app.Totals[rates.InstanceId];
            Line(text, "http_requests_total", Plain(app, rates) + ",code=\"200\"", Math.Floor(totals.Requests - totals.Errors));
            Line(text, "http_requests_total", Plain(app, rates) + ",code=\"500\"", Math.Floor(totals.Errors));
        }

        text.Append("# HELP http_request_duration_seconds Request latency.\n# TYPE http_request_duration_seconds summary\n");
        foreach (var (app, rates) in Series(apps))
        {
            var totals = app.Totals[rates.InstanceId];
            Line(text, "http_request_duration_seconds_sum", Plain(app, rates), totals.Seconds);
            Line(text, "http_request_duration_seconds_count", Plain(app, rates), Math.Floor(totals.Requests));
        }

        return text.ToString();
    }

    private static void Gauge(StringBuilder text, IReadOnlyList<AppMetricsSnapshot> apps, string name, string help, Func<Model.InstanceRates, double> value)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(" gauge\n");
        foreach (var (app, rates) in Series(apps))
        {
            Line(text, name, $"pid=\"{Escape(app.Pid)}\",service=\"{Escape(app.AppName)}\",serverIp=\"10.0.0.{rates.Slot + 1}\",source=\"apm\",callKind=\"http\"", value(rates));
        }
    }

    private static IEnumerable<(AppMetricsSnapshot App, Model.InstanceRates Rates)> Series(IReadOnlyList<AppMetricsSnapshot> apps) =>
        apps.SelectMany(a => a.Instances.Select(i => (a, i)));

    private static string Plain(AppMetricsSnapshot app, Model.InstanceRates rates) =>
        $"app=\"{Escape(app.AppName)}\",app_id=\"{Escape(app.AppId)}\",pod=\"{Escape(rates.InstanceId)}\"";

    private static void Line(StringBuilder text, string name, string labels, double value) =>
        text.Append(name).Append('{').Append(labels).Append("} ").Append(value.ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
