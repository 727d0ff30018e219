namespace ChangeGuard.Domain.Measurements;

/// <summary>
/// The lowest and highest value of a Prometheus query's series (NaN left out), with the series they came from: all the
/// assessor needs to judge any comparison, in a size that does not grow with the number of series.
/// </summary>
public sealed record SeriesRange(double Lowest, string? LowestSeries, double Highest, string? HighestSeries, int Count);
