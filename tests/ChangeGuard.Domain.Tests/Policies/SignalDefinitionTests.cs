using ChangeGuard.Domain.Policies;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Domain.Tests.Policies;

public sealed class SignalDefinitionTests
{
    private static IEnumerable<string> Fields(params SignalDefinition[] signals) =>
        SignalDefinition.ValidateAll(signals, "policy.signals").Select(e => e.Field);

    [Fact]
    public void ValidateAll_GoodSignals_HasNoErrors()
    {
        // Arrange
        var query = SignalBuilder.Prometheus("error-rate", "sum(x{service=\"{{appName}}\"}[{{window}}])", 0.05);
        var probe = SignalBuilder.Probe("smoke", "https://gate.example.com/checks/smoke", p => p with { JsonPath = "{$.ok}", SuccessCondition = "result == true" });

        // Act
        var fields = Fields(query, probe);

        // Assert
        Assert.Empty(fields);
    }

    [Theory]
    [InlineData("", "policy.signals[0].name")]
    [InlineData("has space", "policy.signals[0].name")]
    public void ValidateAll_BadName_NamesTheField(string name, string field)
    {
        // Act
        var fields = Fields(SignalBuilder.Prometheus(name, "up", 1));

        // Assert
        Assert.Contains(field, fields);
    }

    [Fact]
    public void ValidateAll_EveryBadField_IsNamed()
    {
        // Arrange
        var query = SignalBuilder.Prometheus("q", "up{{{nope}}}", double.NaN, failureLimit: 0, consecutiveErrorLimit: 101, window: TimeSpan.Zero);
        var probe = SignalBuilder.Probe("p", "ftp://x/", p => p with
        {
            TimeoutSeconds = 0,
            Body = "a",
            JsonPath = "{$..x}",
            SuccessCondition = "result >",
            FailureCondition = "bogus(1)",
            Headers = [new ProbeHeader { Key = "Bad Header", ValueFrom = "" }],
        });

        // Act
        var fields = Fields(query, probe).ToHashSet();

        // Assert
        Assert.Superset(new HashSet<string>
        {
            "policy.signals[0].failureLimit", "policy.signals[0].consecutiveErrorLimit", "policy.signals[0].prometheus.query",
            "policy.signals[0].prometheus.threshold", "policy.signals[0].prometheus.window",
            "policy.signals[1].http.url", "policy.signals[1].http.timeoutSeconds", "policy.signals[1].http.method",
            "policy.signals[1].http.jsonPath", "policy.signals[1].http.successCondition", "policy.signals[1].http.failureCondition",
            "policy.signals[1].http.headers[0].key", "policy.signals[1].http.headers[0].valueFrom",
        }, fields);
    }

    [Fact]
    public void ValidateAll_DuplicateNamesAndNoKind_AreNamed()
    {
        // Arrange
        var first = SignalBuilder.Prometheus("same", "up", 1);
        var second = SignalBuilder.Prometheus("same", "up", 1);
        var neither = new SignalDefinition { Name = "empty" };

        // Act
        var fields = Fields(first, second, neither);

        // Assert
        Assert.Contains("policy.signals[1].name", fields);
        Assert.Contains("policy.signals[2]", fields);
    }

    [Fact]
    public void ValidateAll_StatusOnlyWithConditions_IsRefused()
    {
        // Arrange
        var probe = SignalBuilder.Probe("gate", "https://gate.example.com/", p => p with { StatusOnly = true, SuccessCondition = "result" });

        // Act
        var fields = Fields(probe);

        // Assert
        Assert.Contains("policy.signals[0].http.statusOnly", fields);
    }
}
