using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Http;

/// <summary>The host's key checks in front of the watch API and Durable's management webhooks.</summary>
[RequiresFunctionKeys]
[Collection(HostCollection.Name)]
public sealed class FunctionKeyTests(SharedHostedApp shared)
{
    private static ChangeGuard.Simulator.Scenarios.Scenario LongRunning() => new ScenarioBuilder()
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(2, 36_000)] }))
        .Build();

    [ConditionalFact]
    public async Task WatchApi_WithoutKey_Answers401()
    {
        // Arrange
        var app = await shared.ResetAsync(LongRunning());
        var client = app.Client();

        // Act
        var answer = await client.SendAsync(HttpMethod.Get, "/api/watches", key: string.Empty);

        // Assert
        Assert.Equal(401, answer.Status);
    }

    [ConditionalFact]
    public async Task WatchApi_WithWrongKey_Answers401AndStartsNothing()
    {
        // Arrange
        var app = await shared.ResetAsync(LongRunning());
        var client = app.Client();

        // Act
        var answer = await client.SendAsync(HttpMethod.Post, "/api/watches", """{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1"}""", key: "not-the-key");
        var instances = await client.ListInstancesAsync();

        // Assert
        Assert.Equal(401, answer.Status);
        Assert.Empty(instances);
    }

    [ConditionalFact]
    public async Task WatchApi_WithFunctionKey_ReachesTheFunction()
    {
        // Arrange
        var app = await shared.ResetAsync(LongRunning());
        var client = app.Client();

        // Act
        var answer = await client.SendAsync(HttpMethod.Get, "/api/watches");

        // Assert
        Assert.Equal(200, answer.Status);
    }

    [ConditionalFact]
    public async Task DurableWebhook_WithFunctionKey_Answers403()
    {
        // Arrange
        var app = await shared.ResetAsync(LongRunning());
        var client = app.Client();

        // Act
        var answer = await client.SendAsync(HttpMethod.Get, "/runtime/webhooks/durabletask/instances");

        // Assert: the key is known, but a function key does not open the management API.
        Assert.Equal(403, answer.Status);
    }

    [ConditionalFact]
    public async Task DurableWebhook_WithMasterKey_ShowsTheRunningWatchInstance()
    {
        // Arrange
        var app = await shared.ResetAsync(LongRunning());
        var client = app.Client();
        await client.StartWatchAsync("app-1", "co-1");

        // Act
        var answer = await client.SendAsync(HttpMethod.Get, "/runtime/webhooks/durabletask/instances/watch-co-1", key: client.Keys.Master);

        // Assert: 202 while the instance runs, as Durable's status webhook answers.
        Assert.Equal(202, answer.Status);
        Assert.Contains("\"name\":\"WatchOrchestrator\"", answer.Body, StringComparison.Ordinal);
    }
}
