using System.Text.Json;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace ChangeGuard.Simulator.Tests.Api;

/// <summary><c>fromSecond</c> over real HTTP on a controlled clock: no fault applies before it, SAE's rate limit always does.</summary>
public sealed class FaultFromSecondTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private Task<SimulatorFixture> StartAsync(FaultDefinition faults, double timeScale = 1, int rateLimit = 0) =>
        SimulatorFixture.StartAsync(new ScenarioBuilder()
            .WithTimeScale(timeScale)
            .WithRateLimit(rateLimit)
            .WithFaults(faults)
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(durationSeconds: 6000)] }))
            .Build(), _time);

    private async Task<string?> DescribeCodeAsync(SimulatorFixture sim)
    {
        using var http = new HttpClient();
        var request = new RawSaeRequest
        {
            Operation = SaeOperations.DescribeChangeOrder,
            Query = [new("ChangeOrderId", "co-1")],
            Date = _time.GetUtcNow(),
        };
        using var response = await http.SendAsync(request.Build(sim.BaseAddress));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Code").GetString();
    }

    [Theory]
    [InlineData(1, 0, "200")]
    [InlineData(1, 29.9, "200")]
    [InlineData(1, 30, SaeErrorCodes.ResourceNoPermission)]
    [InlineData(1, 45, SaeErrorCodes.ResourceNoPermission)]
    [InlineData(10, 2.9, "200")]
    [InlineData(10, 3, SaeErrorCodes.ResourceNoPermission)]
    public async Task FromSecond_DeniedAction_AnswersNormallyBeforeItAndNoPermissionFromIt(double timeScale, double realSeconds, string expected)
    {
        // Arrange
        await using var sim = await StartAsync(new FaultDefinition { FromSecond = 30, DeniedActions = ["DescribeChangeOrder"] }, timeScale);
        _time.Advance(TimeSpan.FromSeconds(realSeconds));

        // Act
        var code = await DescribeCodeAsync(sim);

        // Assert
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public async Task FromSecond_ServerErrorRatio_StartsAtIt(double seconds, bool failing)
    {
        // Arrange
        await using var sim = await StartAsync(new FaultDefinition { FromSecond = 10, ServerErrorRatio = 1 });
        _time.Advance(TimeSpan.FromSeconds(seconds));

        // Act
        var code = await DescribeCodeAsync(sim);

        // Assert
        Assert.Equal(failing, code is SaeErrorCodes.InternalError or SaeErrorCodes.ServiceUnavailable);
    }

    [Fact]
    public async Task FromSecond_NotReached_RateLimitStillApplies()
    {
        // Arrange
        await using var sim = await StartAsync(new FaultDefinition { FromSecond = 1000 }, rateLimit: 2);
        await DescribeCodeAsync(sim);
        await DescribeCodeAsync(sim);

        // Act
        var code = await DescribeCodeAsync(sim);

        // Assert
        Assert.Equal(SaeErrorCodes.ThrottlingUser, code);
    }
}
