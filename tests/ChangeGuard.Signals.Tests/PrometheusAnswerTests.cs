namespace ChangeGuard.Signals.Tests;

public sealed class PrometheusAnswerTests
{
    [Fact]
    public void Parse_Vector_ReadsLabelsAndValues()
    {
        // Arrange
        const string body = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"service":"checkout"},"value":[1700000000.1,"0.08"]},{"metric":{},"value":[1700000000.1,"NaN"]}]}}""";

        // Act
        var (samples, problem) = PrometheusAnswer.Parse(body);

        // Assert
        Assert.Null(problem);
        Assert.Equal(2, samples!.Count);
        Assert.Equal(0.08, samples[0].Value);
        Assert.Equal("{service=\"checkout\"}", samples[0].ToString());
        Assert.True(double.IsNaN(samples[1].Value));
    }

    [Fact]
    public void Parse_Scalar_ReadsOneSample()
    {
        // Act
        var (samples, _) = PrometheusAnswer.Parse("""{"status":"success","data":{"resultType":"scalar","result":[1700000000,"2"]}}""");

        // Assert
        Assert.Equal(2, Assert.Single(samples!).Value);
    }

    [Theory]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"parse error at char 5"}""", "bad_data")]
    [InlineData("<html>502 Bad Gateway</html>", "not the Prometheus API")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[]}}""", "matrix")]
    [InlineData("""{"data":{}}""", "no status")]
    public void Parse_NotAnInstantVector_ExplainsTheProblem(string body, string expected)
    {
        // Act
        var (samples, problem) = PrometheusAnswer.Parse(body);

        // Assert
        Assert.Null(samples);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
