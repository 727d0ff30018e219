using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>One signal's verdict, on Argo's model: thresholds, conditions, gates, no data and errors, one row per rule.</summary>
public sealed class SignalRulesTests
{
    [Theory]
    [InlineData(SignalComparison.AtMost, 0.05, 0.01, 0.08, SignalOutcome.Breach, "0.08")]
    [InlineData(SignalComparison.AtMost, 0.05, 0.01, 0.05, SignalOutcome.Healthy, "0.05")]
    [InlineData(SignalComparison.AtLeast, 0.95, 0.90, 0.99, SignalOutcome.Breach, "0.9")]
    [InlineData(SignalComparison.AtLeast, 0.95, 0.96, 0.99, SignalOutcome.Healthy, "0.96")]
    public void Judge_QueryValues_TheWorstSeriesDecides(SignalComparison comparison, double threshold, double lowest, double highest, SignalOutcome expected, string observed)
    {
        // Arrange
        var signal = SignalBuilder.Prometheus("q", "q", threshold, comparison);

        // Act
        var verdict = SignalRules.Judge(signal, Measured.Range("q", lowest, "{service=\"low\"}", highest, "{service=\"high\"}"));

        // Assert
        Assert.Equal(expected, verdict.Outcome);
        Assert.Equal(observed, verdict.Evidence!.Observed);
    }

    [Fact]
    public void Judge_QueryBreach_EvidenceNamesTheSeriesAndThreshold()
    {
        // Act
        var verdict = SignalRules.Judge(SignalBuilder.Prometheus("error-rate", "q", 0.05), Measured.Range("error-rate", 0.01, "{service=\"a\"}", 0.08, "{service=\"b\"}"));

        // Assert
        Assert.Equal("<= 0.05", verdict.Evidence!.Threshold);
        Assert.Equal("{service=\"b\"}", Assert.Single(verdict.Evidence.Instances));
        Assert.Equal("0.08 breaches the threshold <= 0.05", verdict.Detail);
    }

    [Theory]
    [InlineData(NoDataRule.Breach, SignalOutcome.Breach)]
    [InlineData(NoDataRule.Ignore, SignalOutcome.NoData)]
    [InlineData(NoDataRule.Error, SignalOutcome.Error)]
    public void Judge_QueryWithoutData_FollowsTheNoDataRule(NoDataRule rule, SignalOutcome expected)
    {
        // Act
        var verdict = SignalRules.Judge(SignalBuilder.Prometheus("q", "q", 0.05, noData: rule), Measured.NoData("q"));

        // Assert
        Assert.Equal(expected, verdict.Outcome);
    }

    [Fact]
    public void Judge_NoDataAsError_IsTransient()
    {
        // Act
        var verdict = SignalRules.Judge(SignalBuilder.Prometheus("q", "q", 0.05, noData: NoDataRule.Error), Measured.NoData("q"));

        // Assert
        Assert.Equal(ErrorClass.Transient, verdict.ErrorClass);
    }

    [Theory]
    [InlineData("true", "result == true", null, SignalOutcome.Healthy)]
    [InlineData("false", "result == true", null, SignalOutcome.Breach)]
    [InlineData("false", null, "result == false", SignalOutcome.Breach)]
    [InlineData("true", null, "result == false", SignalOutcome.Healthy)]
    [InlineData("\"maybe\"", "result == 'yes'", "result == 'no'", SignalOutcome.NoData)]
    [InlineData("\"no\"", "result == 'yes'", "result == 'no'", SignalOutcome.Breach)]
    [InlineData("3", "result", null, SignalOutcome.Error)]
    [InlineData(null, "result == true", null, SignalOutcome.Breach)]
    public void Judge_ProbeResult_FollowsArgosWebMetric(string? result, string? success, string? failure, SignalOutcome expected)
    {
        // Arrange
        var signal = SignalBuilder.Probe("p", "https://gate/", p => p with { SuccessCondition = success, FailureCondition = failure, JsonPath = "{$.ok}" });

        // Act
        var verdict = SignalRules.Judge(signal, Measured.Probe("p", result));

        // Assert
        Assert.Equal(expected, verdict.Outcome);
    }

    [Fact]
    public void Judge_ProbeBreach_EvidenceHoldsResultAndCondition()
    {
        // Arrange
        var signal = SignalBuilder.Probe("p", "https://gate/", p => p with { SuccessCondition = "result == true", JsonPath = "{$.ok}" });

        // Act
        var verdict = SignalRules.Judge(signal, Measured.Probe("p", "false"));

        // Assert
        Assert.Equal("result = false", verdict.Evidence!.Observed);
        Assert.Equal("success: result == true", verdict.Evidence.Threshold);
    }

    [Theory]
    [InlineData(200, SignalOutcome.Healthy)]
    [InlineData(204, SignalOutcome.Healthy)]
    [InlineData(403, SignalOutcome.Breach)]
    [InlineData(503, SignalOutcome.Breach)]
    public void Judge_StatusOnlyGate_PassesOn2xxAlone(int status, SignalOutcome expected)
    {
        // Arrange
        var signal = SignalBuilder.Probe("gate", "https://gate/", p => p with { StatusOnly = true });

        // Act
        var verdict = SignalRules.Judge(signal, Measured.Probe("gate", null, status));

        // Assert
        Assert.Equal(expected, verdict.Outcome);
    }

    [Fact]
    public void Judge_ProbeWithoutConditions_PassesOn2xx()
    {
        // Act
        var verdict = SignalRules.Judge(SignalBuilder.Probe("p", "https://gate/"), Measured.Probe("p", null));

        // Assert
        Assert.Equal(SignalOutcome.Healthy, verdict.Outcome);
    }

    [Theory]
    [InlineData(ErrorClass.Transient)]
    [InlineData(ErrorClass.Permanent)]
    public void Judge_Error_StaysAnErrorWithItsClass(ErrorClass errorClass)
    {
        // Arrange
        var measurement = errorClass == ErrorClass.Transient ? Measured.Transient("q") : Measured.Permanent("q");

        // Act
        var verdict = SignalRules.Judge(SignalBuilder.Prometheus("q", "q", 0.05), measurement);

        // Assert
        Assert.Equal((SignalOutcome.Error, errorClass), (verdict.Outcome, verdict.ErrorClass));
    }

    [Theory]
    [InlineData("true", 1.0)]
    [InlineData("false", 0.0)]
    public void Judge_Probe_ValueIsOneWhenPassedAndZeroWhenFailed(string result, double expected)
    {
        // Arrange
        var signal = SignalBuilder.Probe("p", "https://gate/", p => p with { SuccessCondition = "result == true", JsonPath = "{$.ok}" });

        // Act
        var verdict = SignalRules.Judge(signal, Measured.Probe("p", result));

        // Assert
        Assert.Equal(expected, verdict.Value);
    }

    [Theory]
    [InlineData(0.08, 0.08)]
    [InlineData(double.PositiveInfinity, null)]
    public void Judge_QueryValue_IsTheWorstSeriesWhenFinite(double value, double? expected)
    {
        // Act
        var verdict = SignalRules.Judge(SignalBuilder.Prometheus("q", "q", 0.05), Measured.Value("q", value));

        // Assert
        Assert.Equal(expected, verdict.Value);
    }
}
