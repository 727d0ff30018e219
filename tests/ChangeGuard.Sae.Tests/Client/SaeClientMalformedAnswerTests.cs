using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>Answers that are not SAE's API (HTML pages, truncated or empty JSON, missing or mistyped fields) are failures, never default-valued successes.</summary>
public sealed class SaeClientMalformedAnswerTests
{
    [Fact]
    public async Task DescribeChangeOrder_EveryMalformedAnswer_ThrowsInsteadOfReturningDefaults()
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

        // Assert: one HTML 502 (transient) and four 200s that are not SAE's answer.
        Assert.Single(errors, e => e.Kind == SaeErrorKind.Transient);
        Assert.Equal(4, errors.Count(e => e.Kind == SaeErrorKind.Other && e.Code == SaeRequestSender.MalformedAnswerCode));
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
}
