using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Notifications;
using ChangeGuard.Testing.Simulation;
using ChangeGuard.Testing.Time;

namespace ChangeGuard.Sae.Tests.Client;

public sealed class SaeClientRetryTests
{
    [Fact]
    public async Task DescribeChangeOrder_FlakySae_SucceedsWithinItsAttempts()
    {
        // Arrange: with this seed the first call is throttled and a retry gets through.
        await using var sim = await SimulatorFixture.StartAsync(new ScenarioBuilder()
            .WithSeed(5)
            .WithFaults(new FaultDefinition { ThrottleRatio = 0.5 })
            .WithApp("app-1", a => a.WithChangeOrder("co-1"))
            .Build());
        var client = sim.CreateClient(o => o.MaxReadAttempts = 10);

        // Act
        for (var i = 0; i < 20; i++)
        {
            await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");
        }

        // Assert
        var calls = sim.Simulator.Log.Read("DescribeChangeOrder");
        Assert.Contains(calls, c => c.Code == "Throttling.User");
        Assert.Equal(20, calls.Count(c => c.Status == 200));
    }

    [Fact]
    public async Task DescribeChangeOrder_InternalErrorIn200ThenGoodAnswer_RetriesAndReturnsTheOrder()
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(n => n == 1
            ? ReceiverAnswer.Ok("""{"RequestId":"r-1","Code":"InternalError","Message":"The request processing has failed due to some unknown error.","Success":false}""")
            : ReceiverAnswer.Ok(StubSae.RunningOrder));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 3);

        // Act
        var order = await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");

        // Assert
        Assert.Equal("co-1", order.ChangeOrderId);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task DescribeChangeOrder_UnknownCodeIn200_IsNotRetried()
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(_ => ReceiverAnswer.Ok("""{"RequestId":"r-1","Code":"Something.New","Message":"?","Success":false}"""));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 3);

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync("cn-hangzhou", "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Other, error.Kind);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task DescribeChangeOrder_NonceUsedThenGoodAnswer_RetriesWithAFreshNonce()
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(n => n == 1
            ? new ReceiverAnswer(400, """{"RequestId":"r-1","Code":"SignatureNonceUsed","Message":"Specified signature nonce was used already."}""")
            : ReceiverAnswer.Ok(StubSae.RunningOrder));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 3);

        // Act
        await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");

        // Assert
        var nonces = stub.Requests.Select(r => r.Header("x-acs-signature-nonce")).ToArray();
        Assert.Equal(2, nonces.Length);
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task DescribeChangeOrder_ThrottledWithLongRetryAfter_WaitsMaxRetryDelayOnTheContainersClock()
    {
        // Arrange: SAE asks for 60 s; the test client's MaxRetryDelay is 20 ms.
        await using var stub = await StubSae.StartAsync(n => n == 1
            ? new ReceiverAnswer(429, """{"RequestId":"r-1","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""", RetryAfter: "60")
            : ReceiverAnswer.Ok(StubSae.RunningOrder));
        var time = new RecordingTimeProvider();
        var client = stub.CreateClient(o => o.MaxReadAttempts = 3, time);

        // Act
        var order = await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");

        // Assert
        Assert.Equal("co-1", order.ChangeOrderId);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Contains(TimeSpan.FromMilliseconds(20), time.Delays);
    }
}
