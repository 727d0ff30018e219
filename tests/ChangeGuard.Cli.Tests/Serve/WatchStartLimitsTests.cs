using System.Text.Json;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Processes;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary>Starts that race each other or exceed the cap on active watches, answered alike on both stores.</summary>
public sealed class WatchStartLimitsTests
{
    private static Scenario LongRunning(int orders) => Enumerable.Range(1, orders)
        .Aggregate(new ScenarioBuilder(), (b, i) => b.WithApp($"app-{i}", a => a.WithChangeOrder($"co-{i}", o => o with { Batches = [ChangeOrders.Batch(2, 36_000)] })))
        .Build();

    private static string Start(int i) =>
        $$$"""{"regionId":"cn-hangzhou","appId":"app-{{{i}}}","changeOrderId":"co-{{{i}}}","policy":{"pollInterval":"5s"}}""";

    [Theory]
    [InlineData("Memory")]
    [InlineData("AzureStorage")]
    public async Task Start_TwentyConcurrentStartsOfOneOrder_OneAnswers202AndTheRest200(string store)
    {
        // Arrange
        await using var azurite = store == "AzureStorage" ? await AzuriteProcess.StartAsync() : null;
        var settings = azurite is null ? null : new Dictionary<string, string?>
        {
            ["ChangeGuard:Engine:Store"] = "AzureStorage",
            ["ChangeGuard:Engine:StorageConnection"] = azurite.ConnectionString,
            ["ChangeGuard:Engine:TaskHub"] = "concurrentstarts",
        };
        await using var host = await ServeHttpHost.StartAsync(LongRunning(1), extraSettings: settings);

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.SendAsync(HttpMethod.Post, "/api/watches", Start(1))));

        // Assert
        Assert.Equal(1, answers.Count(a => a.Status == 202));
        Assert.Equal(19, answers.Count(a => a.Status == 200));
    }

    [Fact]
    public async Task Start_OverTheCapOnActiveWatches_Answers429AndStartsNothing()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(LongRunning(3), extraSettings: new Dictionary<string, string?> { ["ChangeGuard:MaxActiveWatches"] = "2" });
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", Start(1))).Status);
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", Start(2))).Status);

        // Act
        var third = await host.SendAsync(HttpMethod.Post, "/api/watches", Start(3));
        var again = await host.SendAsync(HttpMethod.Post, "/api/watches", Start(1));
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        // Assert
        Assert.Equal(429, third.Status);
        Assert.StartsWith("application/problem+json", third.ContentType);
        Assert.True(JsonDocument.Parse(third.Body).RootElement.GetProperty("errors").TryGetProperty("changeOrderId", out _));
        Assert.Equal(200, again.Status);
        Assert.Equal(2, JsonDocument.Parse(list.Body).RootElement.GetProperty("watches").GetArrayLength());
    }
}
