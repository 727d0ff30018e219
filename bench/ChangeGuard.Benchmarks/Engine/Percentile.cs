namespace ChangeGuard.Benchmarks.Engine;

/// <summary>Nearest-rank percentiles over plain numbers (milliseconds here), so p99 is a value that really occurred.</summary>
public static class Percentile
{
    /// <summary>The nearest-rank percentile; NaN when there is no value.</summary>
    public static double Of(IReadOnlyCollection<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
