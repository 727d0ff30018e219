using ChangeGuard.Cli.Terminal;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Processes;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Cli.Tests.Signals;

/// <summary>Every long-running command ends within 5 s of SIGTERM, each in its own way.</summary>
public sealed class SigtermTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Watch_Sigterm_LeavesTheOrderAloneSaysWhereItStoodAndExits5()
    {
        // Arrange
        await using var simulator = await SimulatorFixture.StartAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(2, 36_000)] }))
            .Build());
        using var watch = CommandProcess.Start("changeguard.dll",
            ["watch", "--region", "cn-hangzhou", "--app-id", "app-1", "--change-order-id", "co-1", "--poll-interval", "1s", "--endpoint", simulator.BaseAddress.ToString()],
            new Dictionary<string, string>
            {
                ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = simulator.Simulator.Options.AccessKeyId,
                ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = simulator.Simulator.Options.AccessKeySecret,
            });
        await watch.WaitForOutputAsync("Watching change order co-1", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));

        // Act
        await watch.TerminateAsync();
        var exited = await watch.WaitForExitAsync(Grace);

        // Assert
        Assert.True(exited, "watch did not end within 5 s of SIGTERM: " + watch.Output);
        Assert.Equal(ExitCodes.Interrupted, watch.ExitCode);
        Assert.Contains("left alone", watch.Output, StringComparison.Ordinal);
        Assert.Empty(simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Simulate_Sigterm_ExitsWithin5Seconds()
    {
        // Arrange
        using var simulate = CommandProcess.Start("changeguard.dll", ["simulate", "--port", "0"]);
        await simulate.WaitForOutputAsync("listening", TimeSpan.FromSeconds(60));

        // Act
        await simulate.TerminateAsync();
        var exited = await simulate.WaitForExitAsync(Grace);

        // Assert
        Assert.True(exited, "simulate did not end within 5 s of SIGTERM: " + simulate.Output);
    }

    [Fact]
    public async Task StandaloneSimulator_Sigterm_ExitsWithin5SecondsWithCode0()
    {
        // Arrange
        using var simulator = CommandProcess.Start("ChangeGuard.Simulator.dll", ["--port", "0"]);
        await simulator.WaitForOutputAsync("listening", TimeSpan.FromSeconds(60));

        // Act
        await simulator.TerminateAsync();
        var exited = await simulator.WaitForExitAsync(Grace);

        // Assert
        Assert.True(exited, "the simulator did not end within 5 s of SIGTERM: " + simulator.Output);
        Assert.Equal(0, simulator.ExitCode);
    }
}
