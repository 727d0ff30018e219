using ChangeGuard.Testing.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Notifications.Tests;

public sealed class NotificationOptionsTests
{
    private const string SlackUrl = "https://hooks.slack.com/services/T0/B0/SLACK-URL-TOKEN-4b1d";

    private static NotificationOptions Bind(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(NotificationOptions.SectionName).Get<NotificationOptions>() ?? new NotificationOptions();

    private static IReadOnlyList<string> Errors(NotificationSettings settings) =>
        Bind(settings.Build()).Validate().Select(e => $"{e.Field} {e.Message}").ToArray();

    [Fact]
    public void Validate_EveryChannelType_HasNoErrors()
    {
        // Arrange
        var settings = new NotificationSettings()
            .Channel("hook", "webhook", "https://hooks.example.com/x", NotificationSettings.WebhookSecret, ["aborted", "breachCounted"], "warning")
            .Channel("ding", "DingTalk", "https://oapi.dingtalk.com/robot/send?access_token=t", NotificationSettings.DingTalkSecret)
            .Channel("lark", "feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/x", NotificationSettings.FeishuSecret)
            .Channel("chat", "slack", SlackUrl)
            .Channel("team", "teams", "https://prod.westeurope.logic.azure.com/workflows/x")
            .Channel("local", "webhook", "http://127.0.0.1:9000/hook");

        // Act
        var errors = Errors(settings);

        // Assert
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Type", "pager", "ChangeGuard:Notifications:Channels:ops:Type is required: webhook, dingtalk, feishu, slack or teams")]
    [InlineData("Url", "", "ChangeGuard:Notifications:Channels:ops:Url is required")]
    [InlineData("Url", "http://hooks.example.com/x", "ChangeGuard:Notifications:Channels:ops:Url must be an absolute https URL (http only to a loopback address)")]
    [InlineData("Url", "hooks.example.com/x", "ChangeGuard:Notifications:Channels:ops:Url must be an absolute https URL (http only to a loopback address)")]
    [InlineData("Secret", "not-a-whsec", "ChangeGuard:Notifications:Channels:ops:Secret must be 'whsec_' followed by the base64 of 24 to 64 random bytes (Standard Webhooks)")]
    [InlineData("Secret", "whsec_c2hvcnQ=", "ChangeGuard:Notifications:Channels:ops:Secret must be 'whsec_' followed by the base64 of 24 to 64 random bytes (Standard Webhooks)")]
    [InlineData("Events:0", "exploded", "ChangeGuard:Notifications:Channels:ops:Events:0 must be one of watchStarted, breachCounted, aborted, abortFailed, dryRunWouldAbort, ended, guardAdopted, guardAborted, batchPromoted, dryRunWouldPromote")]
    [InlineData("Events:0", "3", "ChangeGuard:Notifications:Channels:ops:Events:0 must be one of watchStarted, breachCounted, aborted, abortFailed, dryRunWouldAbort, ended, guardAdopted, guardAborted, batchPromoted, dryRunWouldPromote")]
    [InlineData("MinSeverity", "critical", "ChangeGuard:Notifications:Channels:ops:MinSeverity must be info, warning or error")]
    public void Validate_BadChannelSetting_NamesTheSetting(string setting, string value, string expected)
    {
        // Arrange
        var settings = new NotificationSettings().Channel("ops", "webhook", "https://hooks.example.com/x").With($"Channels:ops:{setting}", value);

        // Act
        var errors = Errors(settings);

        // Assert
        Assert.Equal([expected], errors);
    }

    [Fact]
    public void Validate_SecretOnSlack_SaysTheUrlIsTheSecret()
    {
        // Act
        var errors = Errors(new NotificationSettings().Channel("chat", "slack", SlackUrl, "whatever"));

        // Assert
        Assert.Equal(["ChangeGuard:Notifications:Channels:chat:Secret is not used by slack channels (the URL is the secret); remove it"], errors);
    }

    [Fact]
    public void Validate_DefaultNamesAMissingChannel_NamesTheEntry()
    {
        // Act
        var errors = Errors(new NotificationSettings().Channel("ops", "webhook", "https://hooks.example.com/x").With("Default:1", "pager"));

        // Assert
        Assert.Equal(["ChangeGuard:Notifications:Default:1 names channel 'pager', which is not configured under ChangeGuard:Notifications:Channels"], errors);
    }

    [Theory]
    [InlineData("DeliveryTimeout", "00:10:00")]
    [InlineData("AttemptTimeout", "00:00:00.010")]
    [InlineData("MaxAttempts", "0")]
    [InlineData("RetryBaseDelay", "00:01:00")]
    public void Validate_DeliveryBoundOutOfRange_NamesTheSetting(string setting, string value)
    {
        // Act
        var errors = Errors(new NotificationSettings().With(setting, value));

        // Assert
        Assert.StartsWith($"ChangeGuard:Notifications:{setting} must be between", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadUrlAndSecret_MessagesNeverQuoteThem()
    {
        // Arrange
        var settings = new NotificationSettings()
            .Channel("ops", "webhook", "http://hooks.example.com/TOKEN-IN-URL-77", "whsec_SECRET-NOT-BASE64-77")
            .Channel("chat", "slack", "http://hooks.slack.com/services/SLACK-TOKEN-77", "SLACK-SECRET-77");

        // Act
        var text = string.Join('\n', Errors(settings));

        // Assert
        Assert.Equal(4, text.Split('\n').Length);
        Assert.DoesNotContain("77", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscribe_Names_ResolvesEventsAndSeverityIgnoringCaseAndDuplicates()
    {
        // Arrange
        var options = Bind(new NotificationSettings()
            .Channel("Ops", "webhook", "https://hooks.example.com/x", events: ["breachCounted", "ABORTED"], minSeverity: "warning")
            .Channel("chat", "slack", SlackUrl)
            .Build());

        // Act
        var subscriptions = options.Subscribe(["ops", "OPS", "chat", "missing"]);

        // Assert
        Assert.Equal(["Ops", "chat"], subscriptions.Select(s => s.Channel));
        Assert.Equal([WatchEventType.BreachCounted, WatchEventType.Aborted], subscriptions[0].Events);
        Assert.Equal(NotificationSeverity.Warning, subscriptions[0].MinSeverity);
        Assert.Equal(NotificationChannelOptions.DefaultEvents, subscriptions[1].Events);
        Assert.Equal(NotificationSeverity.Info, subscriptions[1].MinSeverity);
    }

    [Fact]
    public void ToString_Channel_NeverShowsUrlOrSecret()
    {
        // Arrange
        var channel = new NotificationChannelOptions { Type = "slack", Url = SlackUrl, Secret = "s3cr3t" };

        // Act
        var text = channel.ToString();

        // Assert
        Assert.Equal("slack channel", text);
    }

    [Fact]
    public async Task Start_InvalidChannel_StopsStartUpNamingTheSetting()
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new NotificationSettings().Channel("ops", "webhook", "ftp://example.com/x").Build());
        builder.Services.AddChangeGuardWatching(builder.Configuration);
        using var host = builder.Build();

        // Act
        var exception = await Record.ExceptionAsync(() => host.StartAsync());

        // Assert
        var validation = Assert.IsType<OptionsValidationException>(exception);
        Assert.Contains("ChangeGuard:Notifications:Channels:ops:Url must be an absolute https URL", validation.Message, StringComparison.Ordinal);
    }
}
