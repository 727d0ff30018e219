using System.Text.RegularExpressions;
using ChangeGuard.Testing;

namespace ChangeGuard.Notifications.Tests;

/// <summary>The sample messages in docs/notifications.md are the formatters' real output.</summary>
public sealed partial class NotificationDocsTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Samples = new(ReadSamples);

    public static TheoryData<string> Names() => new("webhook-headers", "webhook", "dingtalk-url", "dingtalk", "feishu", "slack", "teams");

    [Theory]
    [MemberData(nameof(Names))]
    public void Docs_Sample_IsTheFormattersOutput(string name)
    {
        // Arrange
        var expected = name switch
        {
            "webhook-headers" => DocsSamples.WebhookHeaders(),
            "dingtalk-url" => DocsSamples.DingTalkUrl(),
            "webhook" => DocsSamples.Body(ChannelType.Webhook),
            "dingtalk" => DocsSamples.Body(ChannelType.DingTalk),
            "feishu" => DocsSamples.Body(ChannelType.Feishu),
            "slack" => DocsSamples.Body(ChannelType.Slack),
            _ => DocsSamples.Body(ChannelType.Teams),
        };

        // Act
        var documented = Samples.Value[name];

        // Assert
        Assert.Equal(expected.ReplaceLineEndings("\n"), documented);
    }

    private static IReadOnlyDictionary<string, string> ReadSamples()
    {
        var text = RepositoryFiles.ReadDocument("notifications.md");
        return Sample().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value);
    }

    [GeneratedRegex("<!-- sample: (?<name>[a-z-]+) -->\n```[a-z]*\n(?<body>.*?)\n```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Sample();
}
