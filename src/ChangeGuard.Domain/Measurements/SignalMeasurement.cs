namespace ChangeGuard.Domain.Measurements;

/// <summary>
/// One signal read once: a value, no data, or an error with its class. The reader only measures; the assessor judges
/// the value against the signal's threshold or conditions. Never holds a credential.
/// </summary>
public sealed record SignalMeasurement
{
    /// <summary>The signal's name, as in the policy.</summary>
    public required string Name { get; init; }

    /// <summary>What was read.</summary>
    public MeasurementKind Kind { get; init; }

    /// <summary>What was read, for people: <c>3 series</c>, <c>HTTP 200</c>, <c>the query returned no series</c>.</summary>
    public string Detail { get; init; } = string.Empty;

    /// <summary>Why it could not be read, when <see cref="Kind"/> is <see cref="MeasurementKind.Error"/>.</summary>
    public MeasurementError? Error { get; init; }

    /// <summary>A Prometheus query's values.</summary>
    public SeriesRange? Series { get; init; }

    /// <summary>A probe's HTTP status.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>A probe's <c>result</c>: the JSON its <c>jsonPath</c> selects, as JSON text; null when the path selects nothing.</summary>
    public string? Result { get; init; }

    /// <summary>A measurement that failed.</summary>
    public static SignalMeasurement Failed(string name, MeasurementError error) =>
        new() { Name = name, Kind = MeasurementKind.Error, Error = error, Detail = error.Message };
}
