using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Simulator.Tests.Api;

public sealed class FaultInjectionTests
{
    private static Scenario WithFaults(FaultDefinition faults, int seed = 1) =>
        new ScenarioBuilder().WithSeed(seed).WithFaults(faults).WithApp("app-1", a => a.WithChangeOrder("co-1")).Build();

    private static async Task<IReadOnlyList<string>> CallCodesAsync(SimulatorFixture sim, int calls)
    {
        var client = sim.CreateClient(o => o.MaxReadAttempts = 1);
        for (var i = 0; i < calls; i++)
        {
            try
            {
                await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");
            }
            catch (SaeException)
            {
            }
        }

        return sim.Simulator.Log.Read("DescribeChangeOrder").Select(e => e.Code).ToArray();
    }

    [Fact]
    public async Task ThrottleRatio_Half_ThrottlesAboutHalfTheCalls()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition { ThrottleRatio = 0.5 }));

        // Act
        var codes = await CallCodesAsync(sim, 200);

        // Assert
        var throttled = codes.Count(c => c == SaeErrorCodes.ThrottlingUser);
        Assert.InRange(throttled, 70, 130);
    }

    [Fact]
    public async Task Faults_SameSeed_RepeatTheSameSequence()
    {
        // Arrange
        await using var first = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition { ThrottleRatio = 0.3, ServerErrorRatio = 0.2 }, seed: 9));
        await using var second = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition { ThrottleRatio = 0.3, ServerErrorRatio = 0.2 }, seed: 9));

        // Act
        var a = await CallCodesAsync(first, 50);
        var b = await CallCodesAsync(second, 50);

        // Assert
        Assert.Equal(a, b);
        Assert.Contains(a, c => c != "200");
    }

    [Fact]
    public async Task RateLimit_PerMinute_ThrottlesCallsBeyondIt()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition()) with { RateLimitPerMinute = 5 });

        // Act
        var codes = await CallCodesAsync(sim, 8);

        // Assert
        Assert.Equal(5, codes.Count(c => c == "200"));
        Assert.Equal(3, codes.Count(c => c == SaeErrorCodes.ThrottlingUser));
    }

    [Fact]
    public async Task Actions_ScopedFaults_LeaveOtherActionsAlone()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition { ServerErrorRatio = 1, Actions = ["ListChangeOrders"] }));

        // Act
        var codes = await CallCodesAsync(sim, 5);

        // Assert
        Assert.All(codes, c => Assert.Equal("200", c));
    }

    [Fact]
    public async Task ServerErrorRatio_One_AnswersInternalErrorOrServiceUnavailable()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition { ServerErrorRatio = 1 }));

        // Act
        var entries = (await CallCodesAsync(sim, 20), sim.Simulator.Log.Read());

        // Assert
        Assert.All(entries.Item2, e => Assert.Contains(e.Status, new[] { 500, 503 }));
        Assert.Contains(entries.Item2, e => e.Code == SaeErrorCodes.InternalError);
        Assert.Contains(entries.Item2, e => e.Code == SaeErrorCodes.ServiceUnavailable);
    }
}
