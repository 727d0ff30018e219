using System.Diagnostics;
using System.Text.Json;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Cli.Tests.Serve;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Http;

namespace ChangeGuard.Cli.Tests.Remote;

/// <summary><c>list</c>, <c>get</c>, <c>abort</c> and <c>stop</c> against a running <c>serve</c>, over its routes.</summary>
public sealed class RemoteCommandsTests
{
    private const string Key = "0123456789abcdef-remote-key";

    private static Scenario Scenario(bool bad) => new ScenarioBuilder().WithTimeScale(10)
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
        {
            Batches = bad ? [ChangeOrders.UnhealthyBatch(2, 20, 2, 36_000), ChangeOrders.Batch(2)] : [ChangeOrders.Batch(2, 360_000)],
        }))
        .Build();

    private static async Task<ServeHttpHost> StartedAsync(bool bad = false, string? key = null)
    {
        var host = await ServeHttpHost.StartAsync(Scenario(bad), key is null ? "http://127.0.0.1:0" : "http://0.0.0.0:0", key);
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody)).Status);
        return host;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (!await condition() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task List_Serve_ShowsTheRunningWatch()
    {
        // Arrange
        await using var host = await StartedAsync();

        // Act
        var (exit, output, error) = await CliRun.RunAsync("list", "--server", host.Address.ToString());

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, error);
        Assert.Contains("co-1", output, StringComparison.Ordinal);
        Assert.Contains("running", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Json_PrintsTheServersJsonAlone()
    {
        // Arrange
        await using var host = await StartedAsync();

        // Act
        var (exit, output, _) = await CliRun.RunAsync("list", "--server", host.Address.ToString(), "--json");

        // Assert
        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.Equal("co-1", JsonDocument.Parse(output).RootElement.GetProperty("watches")[0].GetProperty("changeOrderId").GetString());
    }

    [Fact]
    public async Task GetWatch_BadRollout_FollowsToTheAbortAndExitsThree()
    {
        // Arrange
        await using var host = await StartedAsync(bad: true);

        // Act
        var (exit, output, error) = await CliRun.RunAsync("get", "co-1", "--server", host.Address.ToString(), "--watch");

        // Assert
        Assert.True(exit == ExitCodes.Aborted, output + error);
        Assert.Contains("poll", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWatch_OnATerminal_RedrawsOneBlockInPlaceUntilTheEnd()
    {
        // Arrange
        await using var host = await StartedAsync(bad: true);
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exit = await CliApp.RunAsync(["get", "co-1", "--server", host.Address.ToString(), "--watch"], new CliConsole(output, error, IsTerminal: true), CancellationToken.None);

        // Assert
        Assert.True(exit == ExitCodes.Aborted, output.ToString() + error);
        Assert.Contains("F\u001b[J", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("breaches", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownWatch_ExitsTwo()
    {
        // Arrange
        await using var host = await StartedAsync();

        // Act
        var (exit, _, error) = await CliRun.RunAsync("get", "co-none", "--server", host.Address.ToString());

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("co-none", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_RunningWatch_AbortsTheOrder()
    {
        // Arrange
        await using var host = await StartedAsync();

        // Act
        var (exit, _, error) = await CliRun.RunAsync("abort", "co-1", "--server", host.Address.ToString(), "--reason", "from the CLI", "--requested-by", "alice");
        await WaitForAsync(() => Task.FromResult(host.Simulator.Simulator.Log.Read("AbortChangeOrder").Count > 0));

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, error);
        Assert.NotEmpty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Promote_RunningWatch_IsAcceptedAndTheWatchGoesOn()
    {
        // Arrange: an automatic release, so the watch records that there is nothing to promote.
        await using var host = await StartedAsync();

        // Act
        var (exit, output, error) = await CliRun.RunAsync("promote", "co-1", "--server", host.Address.ToString(), "--requested-by", "alice");
        var watch = JsonDocument.Parse((await host.SendAsync(HttpMethod.Get, "/api/watches/co-1")).Body).RootElement;

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, error);
        Assert.StartsWith("Promotion requested for change order co-1", output, StringComparison.Ordinal);
        Assert.False(watch.GetProperty("hasEnded").GetBoolean());
    }

    [Fact]
    public async Task Stop_RunningWatch_EndsItWithoutAborting()
    {
        // Arrange
        await using var host = await StartedAsync();

        // Act
        var (exit, _, error) = await CliRun.RunAsync("stop", "co-1", "--server", host.Address.ToString());
        await WaitForAsync(async () => JsonDocument.Parse((await host.SendAsync(HttpMethod.Get, "/api/watches/co-1")).Body).RootElement.GetProperty("hasEnded").GetBoolean());
        var watch = JsonDocument.Parse((await host.SendAsync(HttpMethod.Get, "/api/watches/co-1")).Body).RootElement;

        // Assert
        Assert.True(exit == ExitCodes.Succeeded, error);
        Assert.Equal("stopped", watch.GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.Empty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task List_ServerWantsAKeyAndNoneGiven_ExitsTwoSayingSo()
    {
        // Arrange
        await using var host = await StartedAsync(key: Key);

        // Act
        var (exit, _, error) = await CliRun.RunAsync("list", "--server", host.Address.ToString());

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--api-key-file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithKeyFile_IsServed()
    {
        // Arrange
        await using var host = await StartedAsync(key: Key);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, Key + "\n");

        // Act
        var (exit, output, error) = await CliRun.RunAsync("list", "--server", host.Address.ToString(), "--api-key-file", file);

        // Assert
        File.Delete(file);
        Assert.True(exit == ExitCodes.Succeeded, error);
        Assert.Contains("co-1", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NoServerThere_ExitsOneWithAReason()
    {
        // Act
        var (exit, _, error) = await CliRun.RunAsync("list", "--server", "http://127.0.0.1:9");

        // Assert
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("cannot reach", error, StringComparison.Ordinal);
    }
}
