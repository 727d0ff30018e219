using System.Text.Json;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Cli.Tests.Verbs;

/// <summary>
/// The edges where a guard's verdict is most expensive, each a built-in scenario played end to end through
/// <c>changeguard watch</c> against the simulator: a later batch failing, SAE refusing to be read, broken gateways,
/// abort answers that are malformed, lost or resent, and typos in what to watch.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class WatchJudgmentTests
{
    public static TheoryData<string, int> Scenarios() => new()
    {
        { "later-batch-fails", ExitCodes.Aborted },
        { "permission-revoked", ExitCodes.BadInput },
        { "malformed-answers", ExitCodes.Succeeded },
        { "abort-answer-malformed", ExitCodes.Aborted },
        { "abort-answer-resent", ExitCodes.Aborted },
        { "abort-answer-lost", ExitCodes.Aborted },
        { "abort-answer-error-code", ExitCodes.Aborted },
    };

    private static (AppDefinition App, string ChangeOrderId) FirstOrder(Scenario scenario)
    {
        var app = scenario.Apps.First(a => a.ChangeOrders.Count > 0);
        return (app, app.ChangeOrders[0].ChangeOrderId!);
    }

    private static string[] Watch(SimulatorFixture sim, string region, string appId, string changeOrderId, params string[] extra) =>
    [
        "watch", "--region", region, "--app-id", appId, "--change-order-id", changeOrderId, "--endpoint", sim.BaseAddress.ToString(),
        "--poll-interval", "1s", "--timeout", "40s", "--abort-deadline", "20s", "--abort-confirm-timeout", "10s", .. extra,
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Watch_JudgmentScenario_EndsAsTheScenarioExpects(string name, int expectedExit)
    {
        // Arrange
        var scenario = ScenarioLoader.LoadBuiltIn(name);
        var (app, order) = FirstOrder(scenario);
        await using var sim = await SimulatorFixture.StartAsync(scenario);
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, output, error) = await CliRun.RunAsync(Watch(sim, app.RegionId, app.AppId, order, "--json"));

        // Assert
        Assert.True(exit == expectedExit, output + error);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(scenario.Expect, result.GetProperty("outcome").GetString());
        var applied = sim.Simulator.Log.Read("AbortChangeOrder").Count(e => e.AbortApplied == true);
        Assert.Equal(scenario.Expect == "aborted" ? 1 : 0, applied);
    }

    /// <summary>What a person reads: the evidence names the failing batch, a lost answer is reported as the abort it was.</summary>
    [Theory]
    [InlineData("later-batch-fails", "unavailableRatio 0.50 (2 of 4 new instances in batch 2 of 3)")]
    [InlineData("abort-answer-lost", "abort applied (attempt 1)")]
    [InlineData("abort-answer-lost", "Outcome: aborted (confirmed: status 6)")]
    public async Task Watch_JudgmentScenario_SaysWhatHappened(string name, string expected)
    {
        // Arrange
        var scenario = ScenarioLoader.LoadBuiltIn(name);
        var (app, order) = FirstOrder(scenario);
        await using var sim = await SimulatorFixture.StartAsync(scenario);
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (_, output, _) = await CliRun.RunAsync(Watch(sim, app.RegionId, app.AppId, order));

        // Assert
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app-payments", "co-later-0001", "--app-id change order 'co-later-0001' belongs to app 'app-orders', not 'app-payments'")]
    [InlineData("app-orders", "co-typo-0001", "--change-order-id SAE has no change order 'co-typo-0001' in cn-hangzhou (InvalidChangeOrder.NotFound)")]
    public async Task Watch_TypoInWhatToWatch_ExitsTwoAtOnceAndTouchesNothing(string appId, string changeOrderId, string expected)
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(ScenarioLoader.LoadBuiltIn("later-batch-fails"));
        using var env = EnvironmentScope.Credentials(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

        // Act
        var (exit, _, error) = await CliRun.RunAsync(Watch(sim, "cn-hangzhou", appId, changeOrderId));

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"changeguard watch: {expected}", error.Trim());
        Assert.Equal(["DescribeChangeOrder"], sim.Simulator.Log.Read().Select(e => e.Action));
    }
}
