using System.Text;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Signals.Tests;

/// <summary>What a probe's 2xx answer measures (the HTTP path runs end to end; the assessor judges the result).</summary>
public sealed class HttpProbeReaderTests
{
    private static SignalMeasurement Measure(string answer, string? path = "{$.ok}", string mediaType = "application/json") =>
        HttpProbeReader.Measure("p", SignalBuilder.Probe("p", "https://gate/", p => p with { SuccessCondition = "result == true", JsonPath = path }).Http!,
            Encoding.UTF8.GetBytes(answer), mediaType);

    [Theory]
    [InlineData("""{"ok":true}""", "{$.ok}", "true")]
    [InlineData("""{"ok":{"a":1}}""", "{$.ok.a}", "1")]
    [InlineData("""{"ok":"yes"}""", "{$.ok}", "\"yes\"")]
    [InlineData("""{"other":1}""", "{$.ok}", null)]
    [InlineData("""[1,2]""", null, "[1,2]")]
    public void Measure_JsonAnswer_ResultIsThePathsJson(string answer, string? path, string? expected)
    {
        // Act
        var measured = Measure(answer, path);

        // Assert
        Assert.Equal(MeasurementKind.Value, measured.Kind);
        Assert.Equal(expected, measured.Result);
    }

    [Fact]
    public void Measure_AnswerThatIsNotJson_IsATransientErrorQuotingIt()
    {
        // Act
        var measured = Measure("<html>oops</html>", mediaType: "text/html");

        // Assert
        Assert.Equal(MeasurementKind.Error, measured.Kind);
        Assert.Equal(ErrorClass.Transient, measured.Error!.Class);
        Assert.Equal("the probe answered text/html that is not JSON: <html>oops</html>", measured.Error.Message);
    }

    [Fact]
    public void Measure_HugeResult_IsAnErrorInsteadOfFillingTheHistory()
    {
        // Act
        var measured = Measure($$"""{"ok":"{{new string('x', 20_000)}}"}""");

        // Assert
        Assert.Equal(MeasurementKind.Error, measured.Kind);
    }
}
