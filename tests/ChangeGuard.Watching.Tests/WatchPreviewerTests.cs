using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Watching.Tests;

/// <summary>The preview <c>status</c> shows: one poll through the watching code, on the configured defaults, against the simulator.</summary>
public sealed class WatchPreviewerTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync(new ScenarioBuilder()
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.UnhealthyBatch(1, 0, 2, 600), ChangeOrders.Batch(2)] }))
        .Build());

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private WatchingServices Services(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Sae:Endpoint"] = _sim.BaseAddress.ToString(),
            ["Sae:AccessKeyId"] = _sim.Simulator.Options.AccessKeyId,
            ["Sae:AccessKeySecret"] = _sim.Simulator.Options.AccessKeySecret,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return WatchingServices.Create(values);
    }

    private static WatchStartRequest Request(string? appId = "app-1", string changeOrderId = "co-1") =>
        new() { RegionId = "cn-hangzhou", AppId = appId, ChangeOrderId = changeOrderId };

    [Fact]
    public async Task PreviewAsync_HalfTheBatchUnavailable_IsABreachAWatchWouldCount()
    {
        // Arrange
        using var services = Services();

        // Act
        var preview = await services.Get<WatchPreviewer>().PreviewAsync(Request());

        // Assert
        Assert.Equal(VerdictKind.Breach, preview.Assessment!.Instances.Kind);
        Assert.Equal(WatchAction.Continue, preview.Assessment.Decision.Action);
        Assert.Equal("breach 1 of 2", preview.Assessment.Decision.ActionText);
    }

    [Fact]
    public async Task PreviewAsync_ConfiguredDefaultPolicy_IsThePolicyJudgedBy()
    {
        // Arrange
        using var services = Services(("ChangeGuard:Policy:MaxUnavailableRatio", "0.9"), ("ChangeGuard:Policy:FailureLimit", "5"));

        // Act
        var preview = await services.Get<WatchPreviewer>().PreviewAsync(Request());

        // Assert
        Assert.Equal((0.9, 5), (preview.Policy!.MaxUnavailableRatio, preview.Policy.FailureLimit));
        Assert.Equal(VerdictKind.Healthy, preview.Assessment!.Instances.Kind);
    }

    [Fact]
    public async Task PreviewAsync_NoAppId_WatchesTheOrdersOwnApp()
    {
        // Arrange
        using var services = Services();

        // Act
        var preview = await services.Get<WatchPreviewer>().PreviewAsync(Request(appId: null));

        // Assert
        Assert.Equal("app-1", preview.Target!.AppId);
    }

    [Theory]
    [InlineData(null, "co-typo", "changeOrderId")]
    [InlineData("app-1", "co-1 bad", "changeOrderId")]
    public async Task PreviewAsync_OrderThatCannotBeRead_NamesTheField(string? appId, string changeOrderId, string field)
    {
        // Arrange
        using var services = Services();

        // Act
        var preview = await services.Get<WatchPreviewer>().PreviewAsync(Request(appId, changeOrderId));

        // Assert
        Assert.Null(preview.Assessment);
        Assert.Equal(field, Assert.Single(preview.Errors).Field);
    }

    [Fact]
    public async Task PreviewAsync_OrderOfAnotherApp_IsUnwatchable()
    {
        // Arrange
        using var services = Services();

        // Act
        var preview = await services.Get<WatchPreviewer>().PreviewAsync(Request(appId: "app-2"));

        // Assert
        Assert.Equal(WatchOutcome.Unwatchable, preview.Assessment!.Step.Outcome);
    }

    [Fact]
    public async Task PreviewAsync_AnyOrder_AbortsNothing()
    {
        // Arrange
        using var services = Services(("ChangeGuard:Policy:FailureLimit", "1"));

        // Act
        var preview = await services.Get<WatchPreviewer>().PreviewAsync(Request());

        // Assert
        Assert.Equal(WatchAction.Abort, preview.Assessment!.Step.Action);
        Assert.Empty(_sim.Simulator.Log.Read("AbortChangeOrder"));
    }
}
