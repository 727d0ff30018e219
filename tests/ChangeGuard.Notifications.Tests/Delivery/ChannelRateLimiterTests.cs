using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ChangeGuard.Notifications.Delivery;

namespace ChangeGuard.Notifications.Tests.Delivery;

/// <summary>
/// The channel limits on System.Threading.RateLimiting. Its limiters run on the real clock (they take no
/// <see cref="TimeProvider"/>), so these tests check which sends go at once, the order queued sends go in and counts,
/// with windows short enough to pass while a test runs or long enough never to; never how long anything took.
/// </summary>
public sealed class ChannelRateLimiterTests
{
    public static TheoryData<ChannelType, int> DocumentedBursts() => new()
    {
        { ChannelType.DingTalk, 20 },
        { ChannelType.Feishu, 5 },
        { ChannelType.Slack, 1 },
        { ChannelType.Teams, 4 },
    };

    [Theory]
    [MemberData(nameof(DocumentedBursts))]
    public async Task AcquireAsync_DocumentedLimitUsedUp_TheNextSendWaits(ChannelType type, int limit)
    {
        // Arrange
        using var limiter = new ChannelRateLimiter();
        var sends = Enumerable.Range(0, limit).Select(_ => limiter.AcquireAsync("ops", type).AsTask()).ToArray();

        // Act
        var next = limiter.AcquireAsync("ops", type).AsTask();

        // Assert
        Assert.All(sends, s => Assert.True(s.IsCompletedSuccessfully));
        Assert.All(await Task.WhenAll(sends), Assert.True);
        Assert.False(next.IsCompleted);
        limiter.Dispose();
        Assert.False(await next);
    }

    [Fact]
    public async Task AcquireAsync_QueuedSends_GoOldestFirstAsTheWindowSlides()
    {
        // Arrange: one send per 100 ms, so the queue drains within the test.
        using var limiter = new ChannelRateLimiter(_ => [new RateLimit(1, TimeSpan.FromMilliseconds(100))]);
        var order = new ConcurrentQueue<int>();

        // Act
        var sends = Enumerable.Range(0, 4).Select(async i =>
        {
            var granted = await limiter.AcquireAsync("slack", ChannelType.Slack);
            order.Enqueue(i);
            return granted;
        }).ToArray();
        var granted = await Task.WhenAll(sends);

        // Assert
        Assert.All(granted, Assert.True);
        Assert.Equal([0, 1, 2, 3], order);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileQueued_LeavesTheQueueAndTheNextSendStillGoes()
    {
        // Arrange
        using var limiter = new ChannelRateLimiter(_ => [new RateLimit(1, TimeSpan.FromMilliseconds(500))]);
        Assert.True(await limiter.AcquireAsync("slack", ChannelType.Slack));
        using var deadline = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync("slack", ChannelType.Slack, deadline.Token).AsTask();
        var next = limiter.AcquireAsync("slack", ChannelType.Slack).AsTask();

        // Act
        await deadline.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True(await next);
    }

    [Fact]
    public async Task AcquireAsync_TwoLimits_EachHolds()
    {
        // Arrange: Feishu's shape, 2 per 100 ms and 3 per minute.
        using var limiter = new ChannelRateLimiter(_ => [new RateLimit(2, TimeSpan.FromMilliseconds(100)), new RateLimit(3, TimeSpan.FromMinutes(1))]);

        // Act
        var sends = Enumerable.Range(0, 4).Select(_ => limiter.AcquireAsync("lark", ChannelType.Feishu).AsTask()).ToArray();
        var third = await sends[2];

        // Assert: two go at once, the third when the short window slides, the fourth not within the minute.
        Assert.True(sends[0].IsCompletedSuccessfully && sends[1].IsCompletedSuccessfully);
        Assert.True(third);
        Assert.False(sends[3].IsCompleted);
        limiter.Dispose();
        Assert.False(await sends[3]);
    }

    [Fact]
    public async Task AcquireAsync_ChannelsAreIndependent_AndWebhooksAreUnlimited()
    {
        // Arrange
        using var limiter = new ChannelRateLimiter();
        Assert.True(await limiter.AcquireAsync("slack-a", ChannelType.Slack));

        // Act
        var other = limiter.AcquireAsync("slack-b", ChannelType.Slack).AsTask();
        var hooks = Enumerable.Range(0, 100).Select(_ => limiter.AcquireAsync("hook", ChannelType.Webhook).AsTask()).ToArray();

        // Assert
        Assert.True(other.IsCompletedSuccessfully && await other);
        Assert.All(hooks, h => Assert.True(h.IsCompletedSuccessfully));
        Assert.All(await Task.WhenAll(hooks), Assert.True);
    }

    [Fact]
    public async Task AcquireAsync_ChannelNamedInAnotherCase_SharesItsLimit()
    {
        // Arrange
        using var limiter = new ChannelRateLimiter();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(await limiter.AcquireAsync("ding", ChannelType.DingTalk));
        }

        // Act
        var next = limiter.AcquireAsync("DING", ChannelType.DingTalk).AsTask();

        // Assert
        Assert.False(next.IsCompleted);
        limiter.Dispose();
        Assert.False(await next);
    }

    [Theory]
    [InlineData(20, 60, 66, 100)]
    [InlineData(100, 60, 66, 500)]
    [InlineData(5, 1, 1.1, 1500)]
    [InlineData(4, 1, 1.1, 1200)]
    [InlineData(1, 1, 1.1, 300)]
    public void OptionsOf_DocumentedLimit_WindowIsOneSegmentLongerAndTheQueueWhatFitsTheLongestDeliveryTimeout(
        int count, double perSeconds, double windowSeconds, int queueLimit)
    {
        // Act
        var options = ChannelRateLimiter.OptionsOf(new RateLimit(count, TimeSpan.FromSeconds(perSeconds)));

        // Assert
        Assert.Equal(
            (count, TimeSpan.FromSeconds(windowSeconds), 11, queueLimit, QueueProcessingOrder.OldestFirst, true),
            (options.PermitLimit, options.Window, options.SegmentsPerWindow, options.QueueLimit, options.QueueProcessingOrder, options.AutoReplenishment));
    }
}
