using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Signals.Tests;

/// <summary>What a query's samples measure: the lowest and highest series, or no data (the assessor judges them).</summary>
public sealed class PrometheusQueryReaderTests
{
    private static PrometheusSample Sample(double value, string service = "checkout") =>
        new(new Dictionary<string, string> { ["service"] = service }, value);

    [Fact]
    public void Measure_SeveralSeries_KeepsTheLowestAndHighestWithTheirLabels()
    {
        // Act
        var measured = PrometheusQueryReader.Measure("error-rate", [Sample(0.03, "m"), Sample(0.01, "a"), Sample(0.08, "b"), Sample(double.NaN, "n")]);

        // Assert
        Assert.Equal(MeasurementKind.Value, measured.Kind);
        Assert.Equal(new SeriesRange(0.01, "{service=\"a\"}", 0.08, "{service=\"b\"}", 3), measured.Series);
    }

    [Fact]
    public void Measure_SeriesWithoutLabels_HasNoSeriesName()
    {
        // Act
        var measured = PrometheusQueryReader.Measure("error-rate", [new PrometheusSample(new Dictionary<string, string>(), 0.5)]);

        // Assert
        Assert.Null(measured.Series!.HighestSeries);
    }

    [Theory]
    [InlineData(0, "the query returned no series")]
    [InlineData(2, "the query returned only NaN (no traffic?)")]
    public void Measure_NoValue_IsNoData(int nanSeries, string detail)
    {
        // Act
        var measured = PrometheusQueryReader.Measure("error-rate", Enumerable.Repeat(Sample(double.NaN), nanSeries).ToArray());

        // Assert
        Assert.Equal((MeasurementKind.NoData, detail), (measured.Kind, measured.Detail));
    }
}
