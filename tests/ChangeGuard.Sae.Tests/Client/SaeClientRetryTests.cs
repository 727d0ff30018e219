using ChangeGuard.Sae.Configuration;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

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
    public void RetryDelay_RetryAfterGiven_UsesItCappedByMaximum()
    {
        // Arrange
        var options = new SaeClientOptions { MaxRetryDelay = TimeSpan.FromSeconds(5) };

        // Act
        var honoured = SaeRequestSender.RetryDelay(1, TimeSpan.FromSeconds(2), options);
        var capped = SaeRequestSender.RetryDelay(1, TimeSpan.FromSeconds(60), options);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(2), honoured);
        Assert.Equal(TimeSpan.FromSeconds(5), capped);
    }

    [Theory]
    [InlineData(1, 0.0, 100)]
    [InlineData(1, 1.0, 200)]
    [InlineData(2, 1.0, 400)]
    [InlineData(3, 0.0, 400)]
    [InlineData(10, 1.0, 1000)]
    public void RetryDelay_NoRetryAfter_IsJitteredExponentialBackoff(int attempt, double jitter, double expectedMs)
    {
        // Arrange
        var options = new SaeClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromSeconds(1) };

        // Act
        var delay = SaeRequestSender.RetryDelay(attempt, null, options, jitter);

        // Assert
        Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 3);
    }
}
