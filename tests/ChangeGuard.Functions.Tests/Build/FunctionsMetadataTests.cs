using System.Text.Json;
using ChangeGuard.Functions.Guard;
using ChangeGuard.Functions.Http;
using ChangeGuard.Functions.Tests.Support;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Functions.Tests.Build;

/// <summary>
/// What the Functions host will index: the <c>functions.metadata</c> that the referenced app's build writes into its
/// output folder, with <c>host.json</c> and <c>extensions.json</c> beside it (the folder <c>func start</c> runs from).
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Dictionary<string, JsonElement> Functions = JsonDocument
        .Parse(File.ReadAllText(Paths.InFunctionsAppOutput("functions.metadata")))
        .RootElement.EnumerateArray()
        .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());

    private static JsonElement Trigger(string function) =>
        Functions[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static IEnumerable<string> BindingTypes(string function) =>
        Functions[function].GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!);

    [Fact]
    public void Metadata_Functions_AreExactlyTheAppsFunctions()
    {
        // Assert
        Assert.Equal(
            new[]
            {
                WatchHttpFunctions.StartName, WatchHttpFunctions.GetName, WatchHttpFunctions.ListName, WatchHttpFunctions.AbortName, WatchHttpFunctions.PromoteName, WatchHttpFunctions.StopName,
                RollbackGuardFunction.Name, nameof(WatchOrchestrator), nameof(ReadHealthActivity), nameof(AbortChangeOrderActivity), nameof(ConfirmAbortActivity),
                nameof(NotifyActivity), nameof(ReadSignalsActivity), nameof(PromoteBatchActivity), DashboardFunction.Name,
            }.Order(),
            Functions.Keys.Order());
        Assert.All(Functions.Values, f => Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString()));
        Assert.All(Functions.Values, f => Assert.Equal("ChangeGuard.Functions.dll", f.GetProperty("scriptFile").GetString()));
    }

    [Theory]
    [InlineData(WatchHttpFunctions.StartName, "post", "watches")]
    [InlineData(WatchHttpFunctions.GetName, "get", "watches/{changeOrderId}")]
    [InlineData(WatchHttpFunctions.ListName, "get", "watches")]
    [InlineData(WatchHttpFunctions.AbortName, "post", "watches/{changeOrderId}/abort")]
    [InlineData(WatchHttpFunctions.StopName, "post", "watches/{changeOrderId}/stop")]
    public void Metadata_HttpFunction_HasRouteMethodAuthLevelAndDurableClient(string function, string method, string route)
    {
        // Act
        var trigger = Trigger(function);

        // Assert
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Contains("durableClient", BindingTypes(function));
        Assert.Contains("http", BindingTypes(function));
    }

    [Fact]
    public void Metadata_RollbackGuard_IsATimerOnTheScheduleSetting()
    {
        // Act
        var trigger = Trigger(RollbackGuardFunction.Name);

        // Assert
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%ChangeGuard:Guard:Schedule%", trigger.GetProperty("schedule").GetString());
        Assert.Contains("durableClient", BindingTypes(RollbackGuardFunction.Name));
    }

    [Theory]
    [InlineData(nameof(WatchOrchestrator), "orchestrationTrigger")]
    [InlineData(nameof(ReadHealthActivity), "activityTrigger")]
    [InlineData(nameof(AbortChangeOrderActivity), "activityTrigger")]
    [InlineData(nameof(ConfirmAbortActivity), "activityTrigger")]
    [InlineData(nameof(NotifyActivity), "activityTrigger")]
    [InlineData(nameof(ReadSignalsActivity), "activityTrigger")]
    [InlineData(nameof(PromoteBatchActivity), "activityTrigger")]
    public void Metadata_DurableFunction_HasItsTrigger(string function, string type)
    {
        // Assert
        Assert.Equal(type, Trigger(function).GetProperty("type").GetString());
    }

    [Fact]
    public void Output_HostJson_IsTheRepositoryCopy()
    {
        // Assert
        Assert.Equal(File.ReadAllText(Paths.InRepository("host.json")), File.ReadAllText(Paths.InFunctionsAppOutput("host.json")));
    }

    [Fact]
    public void Output_ExtensionsJson_LoadsTheDurableTaskExtension()
    {
        // Act
        var extensions = JsonDocument.Parse(File.ReadAllText(Paths.InFunctionsAppOutput("extensions.json"))).RootElement.GetProperty("extensions");

        // Assert
        Assert.Contains(extensions.EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
    }

    [Fact]
    public void Output_WorkerConfig_RunsTheIsolatedWorker()
    {
        // Act
        var description = JsonDocument.Parse(File.ReadAllText(Paths.InFunctionsAppOutput("worker.config.json"))).RootElement.GetProperty("description");

        // Assert
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("ChangeGuard.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());
    }
}
