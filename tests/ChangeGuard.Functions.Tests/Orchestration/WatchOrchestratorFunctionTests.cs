using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Functions.Orchestration;
using ChangeGuard.Functions.Tests.Support;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace ChangeGuard.Functions.Tests.Orchestration;

public sealed class WatchOrchestratorFunctionTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Mock<TaskOrchestrationContext> Context(WatchInput input, ChangeOrderStatus orderStatus)
    {
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.SetupGet(c => c.InstanceId).Returns("watch-co-1");
        context.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        context.Setup(c => c.GetInput<WatchInput>()).Returns(input);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        context.Setup(c => c.WaitForExternalEvent<ManualCommand>(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource<ManualCommand>().Task);
        var progress = new ChangeOrderProgress(orderStatus, ChangeOrderSubStatus.Normal, 1, 1, null, Now.AddMinutes(-1), AnyBatchStarted: true);
        context.Setup(c => c.CallActivityAsync<ReadHealthResult>(It.Is<TaskName>(n => n.Name == nameof(ReadHealthActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new ReadHealthResult(new SaeMeasurement(new HealthSnapshot(Now, progress, [], 0, null), null, "group-1", 1)));
        return context;
    }

    [Fact]
    public async Task RunAsync_OrderAlreadySucceeded_RunsCoreOrchestratorOnTheContextInput()
    {
        // Arrange
        var context = Context(Watches.Input(), ChangeOrderStatus.Succeeded);

        // Act
        var result = await WatchOrchestratorFunction.RunAsync(context.Object);

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal("co-1", result.Target.ChangeOrderId);
        context.Verify(c => c.GetInput<WatchInput>(), Times.Once());
        context.Verify(c => c.CallActivityAsync<ReadHealthResult>(
            It.Is<TaskName>(n => n.Name == nameof(ReadHealthActivity)),
            It.Is<object?>(o => ((ReadHealthRequest)o!).ChangeOrderId == "co-1"),
            It.IsAny<TaskOptions?>()), Times.Once());
    }

    [Fact]
    public async Task RunAsync_NoInput_Throws()
    {
        // Arrange
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.GetInput<WatchInput>()).Returns((WatchInput?)null);

        // Act
        var run = () => WatchOrchestratorFunction.RunAsync(context.Object);

        // Assert
        await Assert.ThrowsAsync<ArgumentNullException>(run);
    }
}
