using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Tests.Verbs;

/// <summary>The one-command demo, run as a newcomer would: no account, no settings.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_Default_CatchesTheBadRolloutAndExitsZero()
    {
        // Act
        var (exit, output, error) = await CliRun.RunAsync("demo");

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, output + error);
        Assert.Contains("Scenario bad-batch", output);
        Assert.Contains("Outcome: aborted", output);
        Assert.Contains("fault         appeared", output);
        Assert.Contains("AbortChangeOrder 1", output);
        Assert.Contains("Result: aborted, as the scenario expects.", output);
    }

    [Fact]
    public async Task Demo_HealthyRollout_SucceedsWithoutAbort()
    {
        // Act
        var (exit, output, error) = await CliRun.RunAsync("demo", "--scenario", "healthy-rollout");

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, output + error);
        Assert.Contains("Result: succeeded, as the scenario expects.", output);
        Assert.DoesNotContain("AbortChangeOrder", output);
    }

    [Fact]
    public async Task Demo_ErrorRateClimb_AbortsOnTheProbeSignal()
    {
        // Act
        var (exit, output, error) = await CliRun.RunAsync("demo", "--scenario", "error-rate-climb");

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, output + error);
        Assert.Contains("signal        smoke-checks", output);
        Assert.Contains("Result: aborted, as the scenario expects.", output);
    }
}
