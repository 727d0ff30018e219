using ChangeGuard.Notifications.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace ChangeGuard.Notifications.Tests.Delivery;

public sealed class ChannelRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Reserve_DingTalk_TheTwentyFirstInAMinuteWaitsForTheFirstToLeaveTheWindow()
    {
        // Arrange
        var limiter = new ChannelRateLimiter(_time);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.Reserve("ding", ChannelType.DingTalk, TimeSpan.FromMinutes(5)));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // Act
        var wait = limiter.Reserve("ding", ChannelType.DingTalk, TimeSpan.FromMinutes(5));

        // Assert: 20 sends at 0..19 s; the 21st may go at 60 s, 40 s from now.
        Assert.Equal(TimeSpan.FromSeconds(40), wait);
    }

    [Fact]
    public void Reserve_Slack_BackToBackSendsAreOneSecondApart()
    {
        // Arrange
        var limiter = new ChannelRateLimiter(_time);

        // Act
        var waits = Enumerable.Range(0, 3).Select(_ => limiter.Reserve("slack", ChannelType.Slack, TimeSpan.FromMinutes(1))).ToArray();

        // Assert
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
    }

    [Fact]
    public void Reserve_Feishu_TheSixthInASecondWaits()
    {
        // Arrange
        var limiter = new ChannelRateLimiter(_time);

        // Act
        var waits = Enumerable.Range(0, 6).Select(_ => limiter.Reserve("lark", ChannelType.Feishu, TimeSpan.FromMinutes(1))).ToArray();

        // Assert
        Assert.All(waits[..5], w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(TimeSpan.FromSeconds(1), waits[5]);
    }

    [Fact]
    public void Reserve_Teams_FourASecond()
    {
        // Arrange
        var limiter = new ChannelRateLimiter(_time);

        // Act
        var waits = Enumerable.Range(0, 5).Select(_ => limiter.Reserve("teams", ChannelType.Teams, TimeSpan.FromMinutes(1))).ToArray();

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(1), waits[4]);
    }

    [Fact]
    public void Reserve_SlotLaterThanTheCallerCanWait_ReservesNothing()
    {
        // Arrange
        var limiter = new ChannelRateLimiter(_time);
        limiter.Reserve("slack", ChannelType.Slack, TimeSpan.Zero);

        // Act
        var refused = limiter.Reserve("slack", ChannelType.Slack, TimeSpan.FromMilliseconds(500));
        var next = limiter.Reserve("slack", ChannelType.Slack, TimeSpan.FromSeconds(5));

        // Assert
        Assert.Null(refused);
        Assert.Equal(TimeSpan.FromSeconds(1), next);
    }

    [Fact]
    public void Reserve_ChannelsAreIndependent_AndWebhooksAreUnlimited()
    {
        // Arrange
        var limiter = new ChannelRateLimiter(_time);
        limiter.Reserve("slack-a", ChannelType.Slack, TimeSpan.Zero);

        // Act
        var other = limiter.Reserve("slack-b", ChannelType.Slack, TimeSpan.Zero);
        var hooks = Enumerable.Range(0, 100).Select(_ => limiter.Reserve("hook", ChannelType.Webhook, TimeSpan.Zero));

        // Assert
        Assert.Equal(TimeSpan.Zero, other);
        Assert.All(hooks, w => Assert.Equal(TimeSpan.Zero, w));
    }
}
