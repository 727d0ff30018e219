using System.Text.Json;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Cli.Tests.Verbs;

public sealed class RehearseCommandTests
{
    private static async Task<string> WriteAsync(Scenario scenario)
    {
        var folder = Directory.CreateTempSubdirectory("changeguard-rehearse-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, scenario.Name + ".json"), JsonSerializer.Serialize(scenario, ScenarioLoader.JsonOptions));
        return folder;
    }

    private static Scenario BadAndHealthy(string expect) => new ScenarioBuilder().Named("two-apps").WithTimeScale(10)
        .WithApp("app-bad", a => a.WithChangeOrder("co-bad", o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 10, 2, 600), ChangeOrders.Batch(2)] }))
        .Build() with { Expect = expect };

    [Fact]
    public async Task Rehearse_OrderEndsAsExpected_ExitsZeroWithARowPerOrder()
    {
        // Arrange
        var folder = await WriteAsync(BadAndHealthy("aborted"));

        // Act
        var (exit, output, error) = await CliRun.RunAsync("rehearse", folder, "--json");

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, output + error);
        var row = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal("co-bad", row.GetProperty("changeOrderId").GetString());
        Assert.Equal("aborted", row.GetProperty("got").GetString());
        Assert.True(row.GetProperty("saeCalls").GetInt32() > 0);
    }

    [Fact]
    public async Task Rehearse_PolicyThatMissesTheExpectation_ExitsNonZero()
    {
        // Arrange: a dry run never aborts
        var folder = await WriteAsync(BadAndHealthy("aborted"));

        // Act
        var (exit, output, _) = await CliRun.RunAsync("rehearse", folder, "--dry-run");

        // Assert
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("did not end as expected", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_ManualReleaseWithPromotion_ListsThePromotedBatches()
    {
        // Arrange: a person would confirm each batch after 600 scenario seconds; the promotion gate does it first.
        var manual = new ScenarioBuilder().Named("manual").WithTimeScale(10)
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
            {
                BatchType = BatchMode.Manual,
                ConfirmAfterSeconds = 600,
                Batches = [ChangeOrders.Batch(durationSeconds: 10), ChangeOrders.Batch(durationSeconds: 10), ChangeOrders.Batch(durationSeconds: 10)],
            }))
            .Build() with { Expect = "succeeded" };
        var folder = await WriteAsync(manual);

        // Act
        var (exit, output, error) = await CliRun.RunAsync("rehearse", folder, "--poll-interval", "1s", "--promote-bake-time", "1s", "--promote-min-healthy-polls", "1", "--json");

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, output + error);
        var row = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal([2, 3], row.GetProperty("promoted").EnumerateArray().Select(b => b.GetInt32()));
    }

    [Fact]
    public async Task Rehearse_RepositoryScenarios_EveryOrderEndsAsItsScenarioExpects()
    {
        // Arrange
        var scenarios = Path.Combine(RepositoryFiles.Root()!, "scenarios");

        // Act
        var (exit, output, error) = await CliRun.RunAsync("rehearse", scenarios);

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, output + error);
    }

    [Fact]
    public async Task Rehearse_NoSuchPath_ExitsTwo()
    {
        // Act
        var (exit, _, error) = await CliRun.RunAsync("rehearse", "/nonexistent/scenarios");

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("neither a scenario file nor a folder", error, StringComparison.Ordinal);
    }
}
