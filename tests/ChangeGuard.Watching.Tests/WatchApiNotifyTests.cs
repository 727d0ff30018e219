using ChangeGuard.Domain.Policies;
using ChangeGuard.Notifications;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Notifications;
using Microsoft.Extensions.Configuration;
using Moq;

namespace ChangeGuard.Watching.Tests;

/// <summary><c>policy.notify</c>: checked against the configured channels when the watch starts, resolved into the input.</summary>
public sealed class WatchApiNotifyTests
{
    private const string SlackUrl = "https://hooks.slack.com/services/T0/B0/SLACK-URL-TOKEN-8e21";

    private readonly DurableClientMock _client = new();
    private readonly Mock<ISaeCredentialSource> _credentials = new();

    public WatchApiNotifyTests() =>
        _credentials.Setup(c => c.GetCredentials()).Returns(new SaeCredentials("id", "secret-value"));

    private WatchApi Api(NotificationSettings? settings = null)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection((settings ?? Configured()).Build()).Build()
            .GetSection(NotificationOptions.SectionName).Get<NotificationOptions>() ?? new NotificationOptions();
        return new WatchApi(_client.Object, WatchPolicy.Default, _credentials.Object, notifications: options);
    }

    private static NotificationSettings Configured() => new NotificationSettings()
        .Channel("ops", "webhook", "https://hooks.example.com/x", NotificationSettings.WebhookSecret, ["breachCounted", "aborted"], "warning")
        .Channel("chat", "slack", SlackUrl, asDefault: false);

    private static WatchStartRequest Notifying(params string[]? channels) =>
        WatchStartRequests.Valid(r => r with { Policy = new WatchPolicyOverrides { Notify = channels } });

    [Fact]
    public async Task StartAsync_UnknownChannel_NamesPolicyNotifyAndTheConfiguredChannels()
    {
        // Act
        var result = await Api().StartAsync(Notifying("ops", "pager"));

        // Assert
        Assert.Equal(WatchStartKind.Invalid, result.Kind);
        var error = Assert.Single(result.Errors);
        Assert.Equal("policy.notify", error.Field);
        Assert.Equal("'pager' is not a notification channel under ChangeGuard:Notifications:Channels (configured: chat, ops)", error.Message);
        Assert.DoesNotContain("SLACK-URL-TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task StartAsync_NoChannelsConfigured_SaysSo()
    {
        // Act
        var result = await Api(new NotificationSettings()).StartAsync(Notifying("ops"));

        // Assert
        Assert.Equal("'ops' is not a notification channel under ChangeGuard:Notifications:Channels (none is configured)", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task StartAsync_NotifyOmitted_UsesTheConfiguredDefaults()
    {
        // Act
        await Api().StartAsync(WatchStartRequests.Valid());

        // Assert
        var (_, input, _) = Assert.Single(_client.Scheduled);
        var subscription = Assert.Single(input.Notify!);
        Assert.Equal("ops", subscription.Channel);
        Assert.Equal([WatchEventType.BreachCounted, WatchEventType.Aborted], subscription.Events);
        Assert.Equal(NotificationSeverity.Warning, subscription.MinSeverity);
    }

    [Fact]
    public async Task StartAsync_NotifyNamesChannels_ResolvesThemWithTheirDefaultEvents()
    {
        // Act
        await Api().StartAsync(Notifying("CHAT"));

        // Assert
        var (_, input, _) = Assert.Single(_client.Scheduled);
        var subscription = Assert.Single(input.Notify!);
        Assert.Equal(("chat", NotificationSeverity.Info), (subscription.Channel, subscription.MinSeverity));
        Assert.Equal(NotificationChannelOptions.DefaultEvents, subscription.Events);
    }

    [Fact]
    public async Task StartAsync_EmptyNotify_NotifiesNobody()
    {
        // Act
        await Api().StartAsync(Notifying());

        // Assert
        Assert.Null(Assert.Single(_client.Scheduled).Input.Notify);
    }

    [Fact]
    public async Task StartAsync_TooManyChannels_IsRefused()
    {
        // Act
        var result = await Api().StartAsync(Notifying(Enumerable.Repeat("ops", WatchRequestValidator.MaxNotifyChannels + 1).ToArray()));

        // Assert
        Assert.Equal(("policy.notify", "must name at most 10 channels"), (Assert.Single(result.Errors).Field, result.Errors[0].Message));
    }

    [Fact]
    public async Task StartAsync_Notify_InputCarriesNoUrlOrSecret()
    {
        // Act
        await Api().StartAsync(Notifying("ops", "chat"));

        // Assert
        var text = System.Text.Json.JsonSerializer.Serialize(Assert.Single(_client.Scheduled).Input);
        Assert.DoesNotContain("SLACK-URL-TOKEN", text, StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationSettings.WebhookSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("hooks.example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_PolicyNotify_BindsFromTheStartRequest()
    {
        // Act
        var request = System.Text.Json.JsonSerializer.Deserialize<WatchStartRequest>(
            """{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"notify":["ops","chat"]}}""", ChangeGuard.Domain.Json.ChangeGuardJson.Options);

        // Assert
        Assert.Equal(["ops", "chat"], request!.Policy!.Notify);
    }
}
