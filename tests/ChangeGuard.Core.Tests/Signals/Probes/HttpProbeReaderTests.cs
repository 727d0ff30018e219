using System.Text;
using ChangeGuard.Core.Signals;
using ChangeGuard.Core.Signals.Probes;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Core.Tests.Signals.Probes;

/// <summary>The verdict rules of Argo Rollouts' web metric, on answers already received (the HTTP path runs end to end).</summary>
public sealed class HttpProbeReaderTests
{
    private static SignalReading Judge(string answer, string? success, string? failure, string? path = "{$.ok}") =>
        HttpProbeReader.Judge("p", SignalBuilder.Probe("p", "https://gate/", p => p with { SuccessCondition = success, FailureCondition = failure, JsonPath = path }).Http!,
            Encoding.UTF8.GetBytes(answer), "application/json");

    [Theory]
    [InlineData("""{"ok":true}""", "result == true", null, SignalOutcome.Healthy)]
    [InlineData("""{"ok":false}""", "result == true", null, SignalOutcome.Breach)]
    [InlineData("""{"ok":false}""", null, "result == false", SignalOutcome.Breach)]
    [InlineData("""{"ok":true}""", null, "result == false", SignalOutcome.Healthy)]
    [InlineData("""{"ok":"maybe"}""", "result == 'yes'", "result == 'no'", SignalOutcome.NoData)]
    [InlineData("""{"ok":"no"}""", "result == 'yes'", "result == 'no'", SignalOutcome.Breach)]
    [InlineData("""{"ok":3}""", "result", null, SignalOutcome.Error)]
    [InlineData("<html>oops</html>", "result == true", null, SignalOutcome.Error)]
    [InlineData("<html>oops</html>", null, null, SignalOutcome.Healthy)]
    public void Judge_Answer_FollowsArgoRules(string answer, string? success, string? failure, SignalOutcome expected)
    {
        // Act
        var reading = Judge(answer, success, failure);

        // Assert
        Assert.Equal(expected, reading.Outcome);
    }

    [Fact]
    public void Judge_Breach_EvidenceHoldsResultAndCondition()
    {
        // Act
        var reading = Judge("""{"ok":false}""", "result == true", null);

        // Assert
        Assert.Equal("result = false", reading.Evidence!.Observed);
        Assert.Equal("success: result == true", reading.Evidence.Threshold);
    }
}
