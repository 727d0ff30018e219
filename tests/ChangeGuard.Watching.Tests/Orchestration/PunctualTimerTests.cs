using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask;
using Moq;

namespace ChangeGuard.Watching.Tests.Orchestration;

public sealed class PunctualTimerTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(1_500)]
    [InlineData(15_000)]
    [InlineData(300)]
    public async Task WaitUntilAsync_StoreKeepsWholeSecondsOnly_DoesNotEndBeforeTheTime(int milliseconds)
    {
        // Arrange
        var context = new OrchestrationContextMock { WholeSecondTimers = true };
        var fireAt = context.Now.AddMilliseconds(milliseconds);

        // Act
        await PunctualTimer.WaitUntilAsync(context.Object, fireAt, CancellationToken.None);

        // Assert
        Assert.True(context.Now >= fireAt - PunctualTimer.Tolerance, $"ended at {context.Now:O}, due {fireAt:O}");
    }

    [Fact]
    public async Task WaitUntilAsync_TimerOnTime_CreatesOneTimer()
    {
        // Arrange
        var context = new OrchestrationContextMock();
        var fireAt = context.Now.AddSeconds(1);

        // Act
        await PunctualTimer.WaitUntilAsync(context.Object, fireAt, CancellationToken.None);

        // Assert
        Assert.Equal([fireAt], context.Timers);
    }

    [Fact]
    public async Task WaitUntilAsync_ClockNeverReachesTheTime_GivesUpAfterTheLastRewait()
    {
        // Arrange
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var stuck = new Mock<TaskOrchestrationContext>();
        stuck.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        stuck.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        // Act
        await PunctualTimer.WaitUntilAsync(stuck.Object, now.AddMinutes(1), CancellationToken.None);

        // Assert
        stuck.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Exactly(1 + PunctualTimer.MaxRewaits));
    }
}
