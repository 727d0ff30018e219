using System.Net.Http.Json;
using System.Text.Json;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Signals;
using ChangeGuard.Watching;

namespace ChangeGuard.EndToEnd.Tests.Signals;

/// <summary>
/// Watches judged by HTTP probes to the simulator's scripted probe endpoint, over loopback, in Argo's web-metric mode
/// and Flagger's status-only mode. Scenarios play ten times faster than real time.
/// </summary>
public sealed class HttpProbeSignalTests
{
    private static ProbeAnswerDefinition Answer(double fromSecond, string json, int status = 200) =>
        new() { FromSecond = fromSecond, Status = status, Json = JsonDocument.Parse(json).RootElement.Clone() };

    private static Scenario Rollout(double batchSeconds, params ProbeAnswerDefinition[] probe) => new ScenarioBuilder().WithTimeScale(10)
        .WithApp("app-1", a => a.WithReplicas(2).WithProbe(probe)
            .WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(1, batchSeconds), ChangeOrders.Batch(1, batchSeconds)] }))
        .Build();

    private static Task<GuardHarness> StartAsync(Scenario scenario) =>
        GuardHarness.StartAsync(scenario, new SignalSettings().Secret("probe-token", SignalSettings.ProbeToken).Build(),
            simulatorSettings: simulator => new SignalSettings().ProbeTarget(new Uri(simulator, "apps/").ToString()).Build());

    private static SignalDefinition Smoke(Uri simulator, Func<HttpProbeSignal, HttpProbeSignal>? change = null, int? consecutiveErrorLimit = null) =>
        SignalBuilder.Probe("smoke", new Uri(simulator, "apps/app-1/probe").ToString(),
            p => (change ?? (x => x))(p with { JsonPath = "{$.ok}", SuccessCondition = "result == true" }), failureLimit: 2, consecutiveErrorLimit: consecutiveErrorLimit);

    [Fact]
    public async Task Watch_ProbePassing_LetsTheOrderSucceed()
    {
        // Arrange
        await using var harness = await StartAsync(Rollout(30, Answer(0, """{"ok":true}""")));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [Smoke(harness.Simulator.BaseAddress)] }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Contains(result.Timeline, d => d.Reason.Contains("signal smoke ok: result true passes success: result == true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_ProbeFailing_AbortsWithTheResultInEvidence()
    {
        // Arrange
        await using var harness = await StartAsync(Rollout(600, Answer(0, """{"ok":true}"""), Answer(30, """{"ok":false,"failed":["checkout"]}""")));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [Smoke(harness.Simulator.BaseAddress)] }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("signal smoke:", result.Reason, StringComparison.Ordinal);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("result = false", evidence.Observed);
        Assert.Equal("success: result == true", evidence.Threshold);
    }

    public static TheoryData<ProbeAnswerDefinition, string> BrokenAnswers() => new()
    {
        { new ProbeAnswerDefinition { DelayMs = 3000, Json = JsonDocument.Parse("""{"ok":true}""").RootElement.Clone() }, "the probe gave no answer within 1s" },
        { new ProbeAnswerDefinition { Text = "<html><body>502 Bad Gateway</body></html>" }, "the probe answered text/html that is not JSON" },
        { Answer(0, """{"ok":true}""", status: 503), "the probe answered HTTP 503" },
    };

    [Theory]
    [MemberData(nameof(BrokenAnswers))]
    public async Task Watch_ProbeTimingOutOrNotJsonOrNot2xx_CountsErrorsThenAppliesTheErrorLimit(ProbeAnswerDefinition answer, string expected)
    {
        // Arrange
        await using var harness = await StartAsync(Rollout(600, answer));
        var probe = Smoke(harness.Simulator.BaseAddress, p => p with { TimeoutSeconds = 1 }, consecutiveErrorLimit: 2);

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [probe] }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith($"signal smoke could not be read 2 times in a row ({expected}", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Timeline, d => d.ActionText.Contains("breach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_StatusOnlyGateTurning503_AbortsAfterPostingFlaggersPayload()
    {
        // Arrange
        await using var harness = await StartAsync(Rollout(600, Answer(0, "{}"), Answer(30, "{}", status: 503)));
        var gate = SignalBuilder.Probe("gate", new Uri(harness.Simulator.BaseAddress, "apps/app-1/probe").ToString(),
            p => p with { StatusOnly = true, Metadata = new Dictionary<string, string> { ["team"] = "payments" }, Headers = [new ProbeHeader { Key = "Authorization", ValueFrom = "probe-token" }] },
            failureLimit: 2);

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [gate] }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal(new ChangeGuard.Domain.Health.Evidence("gate", "HTTP 503", "2xx", []), Assert.Single(result.Evidence) with { Instances = [] });
        using var http = new HttpClient();
        var posted = await http.GetFromJsonAsync<string[]>(new Uri(harness.Simulator.BaseAddress, "_sim/apps/app-1/probe-requests"));
        using var payload = JsonDocument.Parse(posted![^1]);
        Assert.Equal("app-1", payload.RootElement.GetProperty("name").GetString());
        Assert.Equal("cn-hangzhou", payload.RootElement.GetProperty("namespace").GetString());
        Assert.Equal("Progressing", payload.RootElement.GetProperty("phase").GetString());
        Assert.Equal("co-1", payload.RootElement.GetProperty("checksum").GetString());
        Assert.Equal("payments", payload.RootElement.GetProperty("metadata").GetProperty("team").GetString());
        Assert.Equal("co-1", payload.RootElement.GetProperty("metadata").GetProperty("changeOrderId").GetString());
    }

    [Fact]
    public async Task Start_ProbeTargetOutsideTheAllowList_IsRejectedNamingTheUrl()
    {
        // Arrange
        await using var harness = await StartAsync(Rollout(600, Answer(0, """{"ok":true}""")));
        var outside = SignalBuilder.Probe("metadata", "http://169.254.169.254/latest/meta-data/");

        // Act
        var started = await harness.Watches.StartAsync(new WatchStartRequest
        {
            RegionId = "cn-hangzhou",
            AppId = "app-1",
            ChangeOrderId = "co-1",
            Policy = Policies.Fast(p => p with { Signals = [outside] }),
        });

        // Assert
        Assert.Equal(WatchStartKind.Invalid, started.Kind);
        var error = Assert.Single(started.Errors);
        Assert.Equal("policy.signals[0].http.url", error.Field);
        Assert.Contains("is not under an allowed probe target (ChangeGuard:Signals:ProbeTargets:", error.Message, StringComparison.Ordinal);
        Assert.Null(await harness.Watches.GetAsync("co-1"));
    }
}
