using System.Text.Json;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Cli.Tests.Verbs;

[Collection(EnvironmentCollection.Name)]
public sealed class WatchCommandTests
{
    private static Simulator.Scenarios.Scenario Scenario(bool bad) => new ScenarioBuilder().WithTimeScale(10)
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => bad
            ? o with { Batches = [ChangeOrders.UnhealthyBatch(2, 10, 2, 600), ChangeOrders.Batch(2)] }
            : o))
        .Build();

    private static string[] Watch(SimulatorFixture sim, params string[] extra) =>
        ["watch", "--region", "cn-hangzhou", "--app-id", "app-1", "--change-order-id", "co-1", "--endpoint", sim.BaseAddress.ToString(), "--poll-interval", "1s", .. extra];

    [Fact]
    public async Task Watch_BadRollout_AbortsAndExitsThree()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(Scenario(bad: true));
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, output, _) = await CliRun.RunAsync(Watch(sim));

        // Assert
        Assert.Equal(ExitCodes.Aborted, exit);
        Assert.Contains("Outcome: aborted", output);
        Assert.Contains("poll 1", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public async Task Watch_HealthyRolloutWithJson_ExitsZeroAndPrintsResult()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(Scenario(bad: false));
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, output, _) = await CliRun.RunAsync(Watch(sim, "--json"));

        // Assert
        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.Equal("succeeded", JsonDocument.Parse(output).RootElement.GetProperty("outcome").GetString());
        Assert.DoesNotContain(SimulatorOptions.DefaultAccessKeySecret, output);
    }

    [Fact]
    public async Task Watch_ManualReleaseWithPromotion_JsonListsEachConfirmedBatch()
    {
        // Arrange: three manual batches of 10 scenario seconds (1 s) each.
        var manual = new ScenarioBuilder().WithTimeScale(10)
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { BatchType = BatchMode.Manual, Batches = [ChangeOrders.Batch(durationSeconds: 10), ChangeOrders.Batch(durationSeconds: 10), ChangeOrders.Batch(durationSeconds: 10)] }))
            .Build();
        await using var sim = await SimulatorFixture.StartAsync(manual);
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, output, _) = await CliRun.RunAsync(Watch(sim, "--promote-bake-time", "1s", "--promote-min-healthy-polls", "1", "--json"));

        // Assert
        Assert.Equal(ExitCodes.Succeeded, exit);
        var promotions = JsonDocument.Parse(output).RootElement.GetProperty("promotions");
        Assert.Equal([(2, "confirmed"), (3, "confirmed")],
            promotions.EnumerateArray().Select(p => (p.GetProperty("batch").GetInt32(), p.GetProperty("result").GetString())));
    }

    [Fact]
    public async Task Watch_AbortDenied_ExitsFour()
    {
        // Arrange
        var scenario = Scenario(bad: true) with { Faults = new Simulator.Scenarios.FaultDefinition { DeniedActions = ["AbortChangeOrder"] } };
        await using var sim = await SimulatorFixture.StartAsync(scenario);
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, output, _) = await CliRun.RunAsync(Watch(sim));

        // Assert
        Assert.Equal(ExitCodes.AbortFailed, exit);
        Assert.Contains("Resouce.no.permission", output);
    }

    [Fact]
    public async Task Watch_DryRunThatWouldAbort_ExitsSevenWithoutAborting()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(Scenario(bad: true));
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, output, _) = await CliRun.RunAsync(Watch(sim, "--dry-run"));

        // Assert
        Assert.Equal(ExitCodes.DryRunWouldAbort, exit);
        Assert.Contains("dry run: would have aborted", output);
        Assert.Empty(sim.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Watch_SaeUnreadableWithStopWatching_ExitsSixWithoutAVerdict()
    {
        // Arrange: every SAE call fails from 2 s in
        var scenario = Scenario(bad: false) with { Faults = new FaultDefinition { FromSecond = 20, ServerErrorRatio = 1 } };
        await using var sim = await SimulatorFixture.StartAsync(scenario with { Apps = [scenario.Apps[0] with { ChangeOrders = [ChangeOrders.Healthy("co-1") with { Batches = [ChangeOrders.Batch(2, 600)] }] }] });
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, output, error) = await CliRun.RunAsync(Watch(sim, "--consecutive-error-limit", "2", "--on-error-limit", "stopWatching", "--json"));

        // Assert
        Assert.True(exit == ExitCodes.StoppedWithoutVerdict, output + error);
        Assert.Equal("stopped", JsonDocument.Parse(output).RootElement.GetProperty("outcome").GetString());
        Assert.Empty(sim.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Watch_NoCredentials_ExitsTwoNamingVariables()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(Scenario(bad: false));
        using var env = EnvironmentScope.Credentials(null, null);

        // Act
        var (exit, _, error) = await CliRun.RunAsync(Watch(sim));

        // Assert
        Assert.True(exit == ExitCodes.BadInput, error);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Watch_AbsurdThreshold_ExitsTwoNamingTheOption()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(Scenario(bad: false));
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, _, error) = await CliRun.RunAsync(Watch(sim, "--max-unavailable-ratio", "7"));

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--max-unavailable-ratio must be between 0 and 1", error);
    }

    [Fact]
    public async Task Status_BadBatch_ShowsSnapshotAndBreachVerdict()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 0, 2, 600), ChangeOrders.Batch(2)] }))
            .Build());
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, output, _) = await CliRun.RunAsync("status", "--region", "cn-hangzhou", "--change-order-id", "co-1", "--endpoint", sim.BaseAddress.ToString());

        // Assert
        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.Contains("verdict       Breach", output);
        Assert.Contains("2 new, 2 older", output);
        Assert.Empty(sim.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Status_FailingProbeSignal_ShowsItsBreach()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a
                .WithProbe(new ProbeAnswerDefinition { FromSecond = 0, Json = JsonDocument.Parse("""{"ok":false}""").RootElement })
                .WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(2, 600)] }))
            .Build());
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, $$$"""[{"name":"smoke","http":{"url":"{{{sim.BaseAddress}}}apps/app-1/probe","jsonPath":"{$.ok}","successCondition":"result == true"}}]""");
        using var env = new EnvironmentScope(
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", SimulatorOptions.DefaultAccessKeyId),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SimulatorOptions.DefaultAccessKeySecret),
            ("ChangeGuard__Signals__ProbeTargets__0", sim.BaseAddress + "apps/"));

        // Act
        var (exit, output, error) = await CliRun.RunAsync("status", "--region", "cn-hangzhou", "--change-order-id", "co-1", "--endpoint", sim.BaseAddress.ToString(), "--signals", file);
        File.Delete(file);

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, output + error);
        Assert.Contains("verdict       Healthy", output);
        Assert.Contains("signal        smoke: Breach", output);
    }

    [Fact]
    public async Task Status_UnknownChangeOrder_ExitsTwo()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(Scenario(bad: false));
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, _, error) = await CliRun.RunAsync("status", "--region", "cn-hangzhou", "--change-order-id", "co-missing", "--endpoint", sim.BaseAddress.ToString());

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("InvalidChangeOrder.NotFound", error);
    }

    [Theory]
    [InlineData("""[{"name":"gate","http":{"url":"http://169.254.169.254/latest"}}]""", "--signals (signals[0].http.url)")]
    [InlineData("""[{"name":"errors","prometheus":{"query":"up","comparison":"<"}}]""", "--signals")]
    [InlineData("""{"name":"errors"}""", "--signals")]
    [InlineData("""[{"name":"errors","prometheus":{"query":"up","window":1e308}}]""", "--signals")]
    [InlineData("""[{"name":"errors","prometheus":{"query":"up","window":"P99999999D"}}]""", "$[0].prometheus.window")]
    public async Task Watch_BadSignalsFile_ExitsTwoNamingTheField(string json, string expected)
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(Scenario(bad: false));
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, json);

        // Act
        var (exit, _, error) = await CliRun.RunAsync(Watch(sim, "--signals", file));
        File.Delete(file);

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>Each policy option with values no duration or whole number can hold; refused while parsing, before any SAE call.</summary>
    public static TheoryData<string, string> AbsurdOptionValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var option in new[] { "--poll-interval", "--initial-delay", "--timeout", "--abort-deadline", "--abort-confirm-timeout" })
        {
            foreach (var value in new[] { "1e308", "-1e308", "P99999999D", "99999999999999999999d", "10675199.02:48:05.4775808" })
            {
                data.Add(option, value);
            }
        }

        foreach (var option in new[] { "--failure-limit", "--consecutive-error-limit", "--max-restarts", "--max-abort-attempts" })
        {
            foreach (var value in new[] { "1e308", "99999999999", "2147483648", "-2147483649" })
            {
                data.Add(option, value);
            }
        }

        foreach (var value in new[] { "1e400", "-1e400", "NaN", "Infinity" })
        {
            data.Add("--max-unavailable-ratio", value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AbsurdOptionValues))]
    public async Task Watch_AbsurdOptionValue_ExitsTwoWithOneLineNamingTheOption(string option, string value)
    {
        // Arrange
        string[] args = ["watch", "--region", "cn-hangzhou", "--app-id", "app-1", "--change-order-id", "co-1", option, value];

        // Act
        var (exit, _, error) = await CliRun.RunAsync(args);

        // Assert
        Assert.True(exit == ExitCodes.BadInput, error);
        Assert.StartsWith($"changeguard watch: {option} ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
