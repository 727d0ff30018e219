using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>Signal measurements for assessor tests.</summary>
internal static class Measured
{
    /// <summary>A Prometheus query whose one series has <paramref name="value"/>.</summary>
    public static SignalMeasurement Value(string name, double value, string? series = null) => new()
    {
        Name = name,
        Kind = MeasurementKind.Value,
        Detail = "1 series",
        Series = new SeriesRange(value, series, value, series, 1),
    };

    /// <summary>A Prometheus query over several series.</summary>
    public static SignalMeasurement Range(string name, double lowest, string lowestSeries, double highest, string highestSeries) => new()
    {
        Name = name,
        Kind = MeasurementKind.Value,
        Detail = "2 series",
        Series = new SeriesRange(lowest, lowestSeries, highest, highestSeries, 2),
    };

    public static SignalMeasurement NoData(string name) => new() { Name = name, Kind = MeasurementKind.NoData, Detail = "the query returned no series" };

    public static SignalMeasurement Transient(string name) =>
        SignalMeasurement.Failed(name, MeasurementError.Transient("Prometheus could not be reached (ConnectionError)"));

    public static SignalMeasurement Permanent(string name) =>
        SignalMeasurement.Failed(name, MeasurementError.Permanent("Prometheus refused the configured credentials (HTTP 401)"));

    /// <summary>A probe that answered 2xx with <paramref name="result"/> at its JSON path (JSON text; null selects nothing).</summary>
    public static SignalMeasurement Probe(string name, string? result, int status = 200) =>
        new() { Name = name, Kind = MeasurementKind.Value, HttpStatus = status, Result = result, Detail = $"HTTP {status}" };
}
