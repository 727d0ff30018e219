using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.EndToEnd.Tests.Notifications;

/// <summary>
/// Notifications from whole watches on the in-process engine: a bad rollout against the simulator, channels on a
/// loopback receiver. The receiver gets the abort once, with its reason and evidence; a failing or hanging channel
/// neither prevents nor holds up the abort.
/// </summary>
public sealed class NotificationTests
{
    private static Scenario BadRollout() =>
        new ScenarioBuilder().WithTimeScale(10)
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
            {
                Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 2, fromSecond: 30, instances: 2, durationSeconds: 600), ChangeOrders.Batch(2)],
            }))
            .Build();

    private static void VerifySignature(ReceivedRequest request)
    {
        var key = Convert.FromBase64String(NotificationSettings.WebhookSecret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{request.Header("webhook-id")}.{request.Header("webhook-timestamp")}.").Concat(request.Body).ToArray();
        Assert.Equal("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)), request.Header("webhook-signature"));
    }

    [Fact]
    public async Task Watch_BadRollout_ReceiverGetsExactlyOneAbortedEventWithReasonAndEvidence()
    {
        // Arrange
        await using var receiver = await LoopbackReceiver.StartAsync(new ReceiverAnswer(204));
        var settings = new NotificationSettings().Channel("ops", "webhook", receiver.Url("/changeguard"), NotificationSettings.WebhookSecret);
        await using var harness = await GuardHarness.StartAsync(BadRollout(), settings.Build());

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        var request = Assert.Single(receiver.Requests);
        VerifySignature(request);
        var body = JsonNode.Parse(request.Text)!;
        var data = body["data"]!;
        Assert.Equal("aborted", (string?)body["type"]);
        Assert.Equal(request.Header("webhook-id"), (string?)data["eventId"]);
        Assert.StartsWith("watch-co-1:aborted:", (string?)data["eventId"], StringComparison.Ordinal);
        Assert.Equal(result.Reason, (string?)data["reason"]);
        var evidence = data["evidence"]!.AsArray().Single(e => (string?)e!["signal"] == "unavailableRatio")!;
        Assert.False(string.IsNullOrEmpty((string?)evidence["observed"]));
        Assert.False(string.IsNullOrEmpty((string?)evidence["threshold"]));
        Assert.Equal("app-1", (string?)data["appName"]);
        Assert.Equal(1, (int?)data["batch"]);
        Assert.NotEmpty(data["timeline"]!.AsArray());
        Assert.Contains("changeOrderId=co-1", (string?)data["consoleUrl"], StringComparison.Ordinal);
        Assert.DoesNotContain(result.Timeline, d => d.ActionText.StartsWith("notify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_ChannelAlwaysFails_AbortsAnywayAndTheFailureIsInTheTimeline()
    {
        // Arrange
        await using var failing = await LoopbackReceiver.StartAsync(new ReceiverAnswer(500));
        await using var healthy = await LoopbackReceiver.StartAsync(new ReceiverAnswer(204));
        var settings = new NotificationSettings()
            .Channel("failing", "webhook", failing.Url())
            .Channel("ops", "webhook", healthy.Url())
            .With("MaxAttempts", "3");
        await using var harness = await GuardHarness.StartAsync(BadRollout(), settings.Build());

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.True(result.AbortConfirmed);
        Assert.Single(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
        var failure = Assert.Single(result.Timeline, d => d.ActionText.StartsWith("notify", StringComparison.Ordinal));
        Assert.Equal("notify failing failed: http 500", failure.ActionText);
        Assert.Equal(3, failing.Requests.Count);
        Assert.Single(failing.Requests.Select(r => r.Header("webhook-id")).Distinct());
        Assert.Single(healthy.Requests);
        var view = await harness.Watches.GetAsync("co-1");
        Assert.Contains(view!.Result!.Timeline, d => d.ActionText == "notify failing failed: http 500");
    }

    [Fact]
    public async Task Watch_ChannelHangs_TheAbortReachesSaeWhileTheBreachNotificationIsHeld()
    {
        // Arrange
        await using var receiver = await LoopbackReceiver.StartAsync(new ReceiverAnswer(204));
        var release = new TaskCompletionSource();
        receiver.HoldUntil(release.Task);
        var settings = new NotificationSettings()
            .Channel("slow", "webhook", receiver.Url(), events: ["breachCounted", "aborted"])
            .With("AttemptTimeout", "00:01:00")
            .With("DeliveryTimeout", "00:02:00");
        await using var harness = await GuardHarness.StartAsync(BadRollout(), settings.Build());

        // Act
        await harness.StartWatchAsync("co-1");
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(60));
        var abortedWhileHeld = await WaitForAbortCallAsync(harness, TimeSpan.FromSeconds(60));
        var firstHeld = (string?)JsonNode.Parse(receiver.Requests[0].Text)!["type"];
        release.SetResult();
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.True(abortedWhileHeld);
        Assert.Equal("breachCounted", firstHeld);
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal(["breachCounted", "aborted"], receiver.Requests.Select(r => (string?)JsonNode.Parse(r.Text)!["type"]));
        Assert.DoesNotContain(result.Timeline, d => d.ActionText.StartsWith("notify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guard_AdoptsAnUnwatchedOrder_TellsTheDefaultChannel()
    {
        // Arrange
        await using var receiver = await LoopbackReceiver.StartAsync(new ReceiverAnswer(204));
        var settings = new NotificationSettings().Channel("ops", "webhook", receiver.Url(), NotificationSettings.WebhookSecret).Build(new Dictionary<string, string?>
        {
            ["ChangeGuard:Guard:Apps:0:RegionId"] = "cn-hangzhou",
            ["ChangeGuard:Guard:Apps:0:AppId"] = "app-1",
            ["ChangeGuard:Policy:PollInterval"] = "00:00:01",
        });
        var running = new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(4, 36_000)] })).Build();
        await using var harness = await GuardHarness.StartAsync(running, settings);

        // Act
        var report = await harness.Guard.RunAsync(harness.Watches);

        // Assert
        Assert.Equal(["co-1"], report.Adopted);
        Assert.Empty(report.Errors);
        var request = Assert.Single(receiver.Requests, r => (string?)JsonNode.Parse(r.Text)!["type"] == "guardAdopted");
        VerifySignature(request);
        var data = JsonNode.Parse(request.Text)!["data"]!;
        Assert.Equal("rollback-guard", (string?)data["requestedBy"]);
        Assert.StartsWith("watch-co-1:guardAdopted:", (string?)data["eventId"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guard_OrderPastHardMaximum_AnnouncesGuardAbortedAndTheWatchAnnouncesAborted()
    {
        // Arrange: the order has run for 20 minutes; the maximum is 10.
        await using var receiver = await LoopbackReceiver.StartAsync(new ReceiverAnswer(204));
        var settings = new NotificationSettings().Channel("ops", "webhook", receiver.Url()).Build(new Dictionary<string, string?>
        {
            ["ChangeGuard:Guard:Apps:0:RegionId"] = "cn-hangzhou",
            ["ChangeGuard:Guard:Apps:0:AppId"] = "app-1",
            ["ChangeGuard:Guard:HardMaximum"] = "00:10:00",
            ["ChangeGuard:Policy:PollInterval"] = "00:00:01",
        });
        var running = new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { AgeSeconds = 1200, Batches = [ChangeOrders.Batch(4, 36_000)] }))
            .Build();
        await using var harness = await GuardHarness.StartAsync(running, settings);

        // Act
        var report = await harness.Guard.RunAsync(harness.Watches);
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(["co-1"], report.AbortedOverMaximum);
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        var bodies = receiver.Requests.Select(r => JsonNode.Parse(r.Text)!).ToArray();
        Assert.Equal(["aborted", "guardAborted"], bodies.Select(b => (string?)b["type"]).Order(StringComparer.Ordinal));
        var guard = bodies.Single(b => (string?)b["type"] == "guardAborted")["data"]!;
        Assert.Equal("error", (string?)guard["severity"]);
        Assert.Contains("hard maximum", (string?)guard["reason"], StringComparison.Ordinal);
        Assert.Equal("orderAge", (string?)guard["evidence"]![0]!["signal"]);
    }

    [Fact]
    public async Task Guard_ChannelFails_ReportsTheFailure()
    {
        // Arrange
        await using var receiver = await LoopbackReceiver.StartAsync(new ReceiverAnswer(403));
        var settings = new NotificationSettings().Channel("ops", "webhook", receiver.Url()).Build(new Dictionary<string, string?>
        {
            ["ChangeGuard:Guard:Apps:0:RegionId"] = "cn-hangzhou",
            ["ChangeGuard:Guard:Apps:0:AppId"] = "app-1",
        });
        var running = new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(4, 36_000)] })).Build();
        await using var harness = await GuardHarness.StartAsync(running, settings);

        // Act
        var report = await harness.Guard.RunAsync(harness.Watches);

        // Assert
        Assert.Equal(["co-1"], report.Adopted);
        Assert.Equal(["notify ops failed: http 403"], report.Errors);
    }

    private static async Task<bool> WaitForAbortCallAsync(GuardHarness harness, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (harness.Simulator.Simulator.Log.Read("AbortChangeOrder").Count > 0)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
