using System.Text.Json;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Hosting;
using ChangeGuard.Simulator.Scenarios;
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
    public async Task Demo_Sigterm_ExitsWithin5Seconds()
    {
        // Arrange: a demo whose order would run for hours
        var scenario = Path.GetTempFileName();
        await File.WriteAllTextAsync(scenario, JsonSerializer.Serialize(new ScenarioBuilder().Named("long-demo")
            .WithApp("app-checkout", a => a.WithChangeOrder("co-demo", o => o with { Batches = [ChangeOrders.Batch(2, 36_000)] }))
            .Build(), ScenarioLoader.JsonOptions));
        using var demo = CommandProcess.Start("changeguard.dll", ["demo", "--scenario", scenario]);
        await demo.WaitForOutputAsync("watching", TimeSpan.FromSeconds(60));

        // Act
        await demo.TerminateAsync();
        var exited = await demo.WaitForExitAsync(Grace);

        // Assert
        File.Delete(scenario);
        Assert.True(exited, "demo did not end within 5 s of SIGTERM: " + demo.Output);
        Assert.Equal(ExitCodes.Error, demo.ExitCode);
        Assert.Contains("cancelled", demo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Sigterm_ExitsWithin5Seconds()
    {
        // Arrange
        await using var simulator = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1").Build());
        await using var serve = await ServeProcess.StartAsync(LoopbackPort.Next(), [], new Dictionary<string, string>
        {
            ["Sae__Endpoint"] = simulator.BaseAddress.ToString(),
            ["Sae__AccessKeyId"] = simulator.Simulator.Options.AccessKeyId,
            ["Sae__AccessKeySecret"] = simulator.Simulator.Options.AccessKeySecret,
        });

        // Act
        var exited = await serve.TerminateAsync(Grace);

        // Assert
        Assert.True(exited, "serve did not end within 5 s of SIGTERM: " + serve.Output);
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
        Assert.Equal(ExitCodes.Succeeded, simulate.ExitCode);
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
