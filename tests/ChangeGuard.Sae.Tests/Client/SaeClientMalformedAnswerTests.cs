using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Notifications;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>
/// Answers that are not SAE's API (HTML pages, truncated or empty JSON, missing or mistyped fields) are failures, never
/// default-valued successes. Something between the client and SAE produced them, so they are transient: reads retry
/// them, writes are still sent once.
/// </summary>
public sealed class SaeClientMalformedAnswerTests
{
    [Fact]
    public async Task DescribeChangeOrder_EveryMalformedAnswer_ThrowsTransientInsteadOfReturningDefaults()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(new ScenarioBuilder()
            .WithFaults(new FaultDefinition { MalformedRatio = 1 })
            .WithApp("app-1", a => a.WithChangeOrder("co-1"))
            .Build());
        var client = sim.CreateClient(o => o.MaxReadAttempts = 1);

        // Act
        var errors = new List<SaeException>();
        for (var i = 0; i < 5; i++)
        {
            errors.Add(await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync("cn-hangzhou", "co-1")));
        }

        // Assert: one HTML 502 and four 200s that are not SAE's answer, all transient.
        Assert.All(errors, e => Assert.Equal(SaeErrorKind.Transient, e.Kind));
        Assert.Equal(4, errors.Count(e => e.Code == SaeRequestSender.MalformedAnswerCode));
    }

    [Fact]
    public async Task DescribeChangeOrder_DataWithoutStatus_NamesTheMissingField()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(new ScenarioBuilder()
            .WithFaults(new FaultDefinition { MalformedRatio = 1 })
            .WithApp("app-1", a => a.WithChangeOrder("co-1"))
            .Build());
        var client = sim.CreateClient(o => o.MaxReadAttempts = 1);

        // Act
        var messages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            messages.Add((await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync("cn-hangzhou", "co-1"))).Message);
        }

        // Assert
        Assert.Contains(messages, m => m.Contains("lacks ChangeOrderId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(200, "", "the answer was empty")]
    [InlineData(204, "", "the answer was empty")]
    [InlineData(200, "<html><body><h1>502 Bad Gateway</h1></body></html>", "not valid JSON")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true,"Data":{"ChangeOrderId":"co""", "not valid JSON")]
    [InlineData(200, "[1,2]", "not a JSON object")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true}""", "no Data")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true,"Data":{"ChangeOrderId":"co-1"}}""", "Data lacks Status")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true,"Data":{"ChangeOrderId":"co-1","Status":"running"}}""", "Data.Status has the wrong type")]
    public async Task DescribeChangeOrder_MalformedSuccessStatusAnswer_ThrowsTransientSayingWhatIsWrong(int status, string body, string problem)
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(_ => new ReceiverAnswer(status, body));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 1);

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync("cn-hangzhou", "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Transient, error.Kind);
        Assert.Equal(SaeRequestSender.MalformedAnswerCode, error.Code);
        Assert.Contains(problem, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "")]
    [InlineData(200, "<html><body><h1>502 Bad Gateway</h1></body></html>")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true,"Data":{"ChangeOrderId":"co""")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true,"Data":{"ChangeOrderId":"co-1"}}""")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true,"Data":{"ChangeOrderId":"co-1","Status":"running"}}""")]
    public async Task DescribeChangeOrder_MalformedThenGoodAnswer_RetriesAndReturnsTheOrder(int status, string body)
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(n => n == 1 ? new ReceiverAnswer(status, body) : ReceiverAnswer.Ok(StubSae.RunningOrder));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 3);

        // Act
        var order = await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");

        // Assert
        Assert.Equal("co-1", order.ChangeOrderId);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task DescribeChangeOrder_AlwaysMalformed_StopsAfterMaxReadAttempts()
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(_ => new ReceiverAnswer(200, "<html>proxy error</html>"));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 3);

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync("cn-hangzhou", "co-1"));

        // Assert
        Assert.Equal(SaeRequestSender.MalformedAnswerCode, error.Code);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Theory]
    [InlineData(200, "")]
    [InlineData(200, "<html><body><h1>502 Bad Gateway</h1></body></html>")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true,"Data":{"ChangeOrderId":"co""")]
    [InlineData(200, """{"RequestId":"r-1","Code":"200","Success":true}""")]
    public async Task AbortChangeOrder_MalformedAnswer_ThrowsTransientWithoutRetrying(int status, string body)
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(n => n == 1 ? new ReceiverAnswer(status, body) : ReceiverAnswer.Ok(StubSae.RunningOrder));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 3);

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.AbortChangeOrderAsync("cn-hangzhou", "co-1", rollback: true));

        // Assert
        Assert.Equal(SaeErrorKind.Transient, error.Kind);
        Assert.Single(stub.Requests);
    }
}
