using ChangeGuard.Domain.Assessment;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;

namespace ChangeGuard.EndToEnd.Tests.Reliability;

/// <summary>
/// One row of the fault matrix: a misbehaving SAE paired with each kind of rollout. Healthy is never aborted, a bad
/// batch always is, a stuck rollout is aborted at its timeout, and no watch crashes (every watch completes).
/// Each derived class is one fault, so xunit runs the rows in parallel.
/// </summary>
public abstract class FaultMatrix
{
    protected abstract FaultDefinition Faults { get; }

    private Scenario Scenario(Func<ChangeOrderDefinition, ChangeOrderDefinition> order) =>
        new ScenarioBuilder().WithTimeScale(10).WithSeed(42).WithFaults(Faults)
            .WithApp("app-1", a => a.WithChangeOrder("co-1", order))
            .Build();

    [Fact]
    public async Task HealthyRollout_IsNeverAborted()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Scenario(o => o));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { ConsecutiveErrorLimit = 10 }));
        var result = await harness.WaitForResultAsync("co-1", TimeSpan.FromMinutes(2));

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.DoesNotContain(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"), e => e.Status == 200);
    }

    [Fact]
    public async Task BadBatch_IsAlwaysAborted()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Scenario(o => o with
        {
            Batches = [ChangeOrders.UnhealthyBatch(2, 10, 2, 600), ChangeOrders.Batch(2)],
        }));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { ConsecutiveErrorLimit = 10 }));
        var result = await harness.WaitForResultAsync("co-1", TimeSpan.FromMinutes(2));

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains(result.Evidence, e => e.Signal == "unavailableRatio");
    }

    [Fact]
    public async Task StuckRollout_IsAbortedAtItsTimeout()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Scenario(o => o with
        {
            IfNotAborted = OrderEnding.Stuck,
            Batches = [ChangeOrders.Batch(4, 10) with { InstancesAppear = false }],
        }));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Timeout = TimeSpan.FromSeconds(8), ConsecutiveErrorLimit = 10 }));
        var result = await harness.WaitForResultAsync("co-1", TimeSpan.FromMinutes(2));

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("timeout", result.Reason, StringComparison.Ordinal);
    }
}

public sealed class FaultMatrixThrottling : FaultMatrix
{
    protected override FaultDefinition Faults => new() { ThrottleRatio = 0.3 };
}

public sealed class FaultMatrixServerErrors : FaultMatrix
{
    protected override FaultDefinition Faults => new() { ServerErrorRatio = 0.2 };
}

public sealed class FaultMatrixLatency : FaultMatrix
{
    protected override FaultDefinition Faults => new() { LatencyMs = 2000 };
}

public sealed class FaultMatrixConnectionResets : FaultMatrix
{
    protected override FaultDefinition Faults => new() { ResetRatio = 0.2 };
}

public sealed class FaultMatrixMalformedAnswers : FaultMatrix
{
    protected override FaultDefinition Faults => new() { MalformedRatio = 0.15 };
}
