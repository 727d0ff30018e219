using System.Globalization;
using System.Text.Json;

namespace ChangeGuard.Signals;

/// <summary>
/// Reads the Prometheus HTTP API's answer to an instant query: <c>{status, data: {resultType, result}}</c> with a
/// vector or a scalar, or <c>{status: "error", errorType, error}</c>. Anything else is not Prometheus.
/// </summary>
public static class PrometheusAnswer
{
    /// <summary>The samples of a successful answer, or the problem with it.</summary>
    public static (IReadOnlyList<PrometheusSample>? Samples, string? Problem) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
            {
                return (null, "the answer is not the Prometheus API's (no status)");
            }

            if (status.GetString() != "success")
            {
                var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : null;
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
                return (null, $"Prometheus answered {type ?? "an error"}: {Clip(error ?? "no message")}");
            }

            var data = root.GetProperty("data");
            var resultType = data.GetProperty("resultType").GetString();
            var result = data.GetProperty("result");
            return resultType switch
            {
                "vector" => (result.EnumerateArray().Select(Sample).ToArray(), null),
                "scalar" => ([new PrometheusSample(new Dictionary<string, string>(), Value(result))], null),
                _ => (null, $"the query gives a {resultType}; an instant query must give a vector or a scalar"),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException)
        {
            return (null, "the answer is not the Prometheus API's (malformed JSON)");
        }
    }

    private static PrometheusSample Sample(JsonElement series)
    {
        var labels = series.TryGetProperty("metric", out var metric)
            ? metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new PrometheusSample(labels, Value(series.GetProperty("value")));
    }

    // [ <unix time>, "<value>" ]; Prometheus writes NaN and ±Inf as strings too.
    private static double Value(JsonElement pair) =>
        double.Parse(pair[1].GetString() ?? throw new FormatException(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
