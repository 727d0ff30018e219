using System.Text;
using System.Text.Json.Nodes;
using ChangeGuard.Notifications.Formatting;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Notifications.Tests.Formatting;

/// <summary>What every channel format guarantees: bounded size, identity kept when cut, no secret in the request.</summary>
public sealed class AllFormattersTests
{
    public static TheoryData<ChannelType> Types() => new(Enum.GetValues<ChannelType>());

    [Theory]
    [MemberData(nameof(Types))]
    public void Format_HugeEvent_StaysWithinTheLimitAndKeepsIdsAndLink(ChannelType type)
    {
        // Arrange
        var watchEvent = new WatchEventBuilder().Huge().Build();

        // Act
        var (message, _) = Channels.Format(type, watchEvent);

        // Assert
        var formatter = NotificationFormatters.For(type);
        Assert.InRange(message.Body.Length, 1, formatter.MaxBodyBytes);
        var text = Encoding.UTF8.GetString(message.Body);
        Assert.NotNull(JsonNode.Parse(text));
        Assert.Contains(watchEvent.EventId, text, StringComparison.Ordinal);
        Assert.Contains("co-7f3a", text, StringComparison.Ordinal);
        Assert.Contains("changeOrderId=co-7f3a", text, StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Format_LimitedTimeline_DropsTheOldestDecisionsFirst(ChannelType type)
    {
        // Arrange: a timeline whose entries are just too long to all fit, with recognisable poll numbers.
        var big = new string('x', 3000);
        var watchEvent = new WatchEventBuilder().With(e => e with
        {
            Timeline = Enumerable.Range(1, 10).Select(i => new ChangeGuard.Domain.Assessment.Decision(WatchEventBuilder.At, 100 + i, ChangeGuard.Domain.Health.VerdictKind.Breach, big, ChangeGuard.Domain.Assessment.WatchAction.Continue, "breach")).ToArray(),
        }).Build();

        // Act
        var (message, _) = Channels.Format(type, watchEvent);

        // Assert
        var text = Encoding.UTF8.GetString(message.Body);
        Assert.Contains("110", text, StringComparison.Ordinal);
        Assert.DoesNotContain("poll 101 ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"poll\":101", text, StringComparison.Ordinal);
        Assert.Contains("2 of 4 new instances unavailable (50%), above maxUnavailableRatio 0.25", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Format_AnyChannel_PutsNoSecretInBodyOrHeaders(ChannelType type)
    {
        // Act
        var (message, _) = Channels.Format(type);

        // Assert
        var everything = Encoding.UTF8.GetString(message.Body) + string.Join('\n', message.Headers.Values);
        foreach (var secret in new[] { NotificationSettings.WebhookSecret, NotificationSettings.DingTalkSecret, NotificationSettings.FeishuSecret })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }
}
