using ChangeGuard.Core.Signals;
using ChangeGuard.Core.Signals.Prometheus;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Core.Tests.Signals.Prometheus;

public sealed class PrometheusQueryReaderTests
{
    private static PrometheusSample Sample(double value, string service = "checkout") =>
        new(new Dictionary<string, string> { ["service"] = service }, value);

    [Fact]
    public void Judge_WorstSeriesAboveAtMostThreshold_IsBreachWithEvidence()
    {
        // Arrange
        var signal = SignalBuilder.Prometheus("error-rate", "q", 0.05).Prometheus!;

        // Act
        var reading = PrometheusQueryReader.Judge("error-rate", signal, [Sample(0.01, "a"), Sample(0.08, "b")]);

        // Assert
        Assert.Equal(SignalOutcome.Breach, reading.Outcome);
        Assert.Equal("0.08", reading.Evidence!.Observed);
        Assert.Equal("<= 0.05", reading.Evidence.Threshold);
        Assert.Equal("{service=\"b\"}", Assert.Single(reading.Evidence.Instances));
    }

    [Fact]
    public void Judge_AtLeastThresholdMet_IsHealthy()
    {
        // Arrange
        var signal = SignalBuilder.Prometheus("success", "q", 0.95, SignalComparison.AtLeast).Prometheus!;

        // Act
        var reading = PrometheusQueryReader.Judge("success", signal, [Sample(0.99)]);

        // Assert
        Assert.Equal(SignalOutcome.Healthy, reading.Outcome);
    }

    [Theory]
    [InlineData(NoDataRule.Breach, SignalOutcome.Breach)]
    [InlineData(NoDataRule.Ignore, SignalOutcome.NoData)]
    [InlineData(NoDataRule.Error, SignalOutcome.Error)]
    public void Judge_EmptyOrNaNResult_FollowsTheNoDataRule(NoDataRule rule, SignalOutcome expected)
    {
        // Arrange
        var signal = SignalBuilder.Prometheus("error-rate", "q", 0.05, noData: rule).Prometheus!;

        // Act
        var empty = PrometheusQueryReader.Judge("error-rate", signal, []);
        var nan = PrometheusQueryReader.Judge("error-rate", signal, [Sample(double.NaN)]);

        // Assert
        Assert.Equal(expected, empty.Outcome);
        Assert.Equal(expected, nan.Outcome);
    }
}
