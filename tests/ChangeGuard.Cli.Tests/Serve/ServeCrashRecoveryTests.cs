using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ChangeGuard.Hosting;
using ChangeGuard.Simulator.Api;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Processes;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary>
/// <c>serve --store azurestorage</c> killed with <c>kill -9</c> in the middle of a watch of a slow bad rollout, then
/// started again with the same settings: the watch resumes where it was, detects the fault and aborts exactly once;
/// nothing is lost or duplicated. Ten runs, each on its own task hub, killing at different moments: before the
/// fault, and after the first breaching poll. The restarted process logs verbosely (shown when a run fails), and
/// neither the SAE secret nor the storage key may appear in what it wrote.
/// </summary>
public sealed class ServeCrashRecoveryTests(DurableServeFixture fixture) : IClassFixture<DurableServeFixture>
{
    private const int FailureLimit = 3;
    private const double FaultSecond = 6;
    private static readonly TimeSpan EndLimit = TimeSpan.FromSeconds(90);

    public static TheoryData<int> Runs() => [.. Enumerable.Range(0, 10)];

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Serve_KilledMidWatchAndRestarted_ResumesAndAbortsOnce(int run)
    {
        // Arrange
        var app = DurableServeFixture.AppOf(run);
        var order = "co-durable-" + run.ToString("00", CultureInfo.InvariantCulture);
        var environment = fixture.Environment("crash" + run.ToString(CultureInfo.InvariantCulture));
        var port = LoopbackPort.Next();
        fixture.Simulator.Simulator.World.CreateChangeOrder(new ChangeOrderDefinition
        {
            ChangeOrderId = order,
            AppId = app,
            Description = $"Deploy {order}",
            Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 2, fromSecond: FaultSecond, instances: 2, durationSeconds: 600), ChangeOrders.Batch(2, 600)],
        });
        var killAfterFault = run % 2 == 1;

        // Act
        await using (var first = await ServeProcess.StartAsync(port, [], environment))
        {
            using var http = Client(first);
            var started = await PostAsync(http, "api/watches", $$$"""{"regionId":"cn-hangzhou","appId":"{{{app}}}","changeOrderId":"{{{order}}}","policy":{"pollInterval":"1s","failureLimit":{{{FailureLimit}}}}}""");
            Assert.Equal(HttpStatusCode.Accepted, started);
            await WaitForPollsAsync(order, killAfterFault);
            first.Kill();
        }

        await using var second = await ServeProcess.StartAsync(port, ["--verbose"], environment);
        using var client = Client(second);
        var view = await WaitForEndAsync(client, order, second);

        // Assert
        Assert.Equal("aborted", view.GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.Single(AcceptedAborts(order));
        var listed = await GetJsonAsync(client, "api/watches");
        Assert.Single(listed.GetProperty("watches").EnumerateArray(), w => w.GetProperty("changeOrderId").GetString() == order);
        Assert.DoesNotContain(fixture.Simulator.Simulator.Options.AccessKeySecret, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Terminated_StopsAndKeepsItsWatches()
    {
        // Arrange
        var app = DurableServeFixture.AppOf(DurableServeFixture.Apps - 1);
        const string order = "co-durable-terminate";
        var environment = fixture.Environment("terminate");
        var port = LoopbackPort.Next();
        fixture.Simulator.Simulator.World.CreateChangeOrder(new ChangeOrderDefinition
        {
            ChangeOrderId = order,
            AppId = app,
            Batches = [ChangeOrders.Batch(2, 600), ChangeOrders.Batch(2, 600)],
        });
        var first = await ServeProcess.StartAsync(port, [], environment);
        using (var http = Client(first))
        {
            await PostAsync(http, "api/watches", $$$"""{"regionId":"cn-hangzhou","appId":"{{{app}}}","changeOrderId":"{{{order}}}","policy":{"pollInterval":"1s"}}""");
        }

        await WaitForPollsAsync(order, afterFault: false);

        // Act
        var stopped = await first.TerminateAsync(TimeSpan.FromSeconds(30));
        var exitCode = first.ExitCode;
        await first.DisposeAsync();
        await using var second = await ServeProcess.StartAsync(port, [], environment);
        using var client = Client(second);
        var view = await GetJsonAsync(client, $"api/watches/{order}");

        // Assert
        Assert.True(stopped);
        Assert.Equal(0, exitCode);
        Assert.Equal("running", view.GetProperty("runtimeStatus").GetString());
    }

    private static HttpClient Client(ServeProcess serve) => new() { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        return answer.StatusCode;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var answer = await http.GetAsync(new Uri(path, UriKind.Relative));
        answer.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Until the watch has polled twice, or (after the fault) polled once since the fault appeared.</summary>
    private async Task WaitForPollsAsync(string order, bool afterFault)
    {
        var world = fixture.Simulator.Simulator.World;
        var log = fixture.Simulator.Simulator.Log;
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var polls = Polls(log, order);
            var fault = world.FaultAppearsAt(order);
            var ready = afterFault
                ? fault is { } at && polls.Any(p => p > at)
                : polls.Count >= 2;
            if (ready)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the watch of {order} did not poll as expected within 60 s");
    }

    private static async Task<JsonElement> WaitForEndAsync(HttpClient http, string order, ServeProcess serve)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(EndLimit.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var view = await GetJsonAsync(http, $"api/watches/{order}");
            if (view.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated")
            {
                return view;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the watch of {order} had not ended {EndLimit.TotalSeconds:0} s after the restart: {view}\n{serve.Output}");
            }

            await Task.Delay(200);
        }
    }

    private static List<DateTimeOffset> Polls(RequestLog log, string order) =>
        [.. log.Read("DescribeChangeOrder").Where(e => e.Parameters.GetValueOrDefault("ChangeOrderId") == order).Select(e => e.At)];

    private IEnumerable<RequestLogEntry> AcceptedAborts(string order) =>
        fixture.Simulator.Simulator.Log.Read("AbortChangeOrder")
            .Where(e => e.Parameters.GetValueOrDefault("ChangeOrderId") == order && e.Status == 200);
}
