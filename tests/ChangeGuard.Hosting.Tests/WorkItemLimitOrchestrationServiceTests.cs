using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Moq;

namespace ChangeGuard.Hosting.Tests;

public sealed class WorkItemLimitOrchestrationServiceTests
{
    private static WorkItemLimitOrchestrationService Wrap(int limit) =>
        OrchestrationStoreFactory.Create(new EngineOptions { Store = EngineStore.Memory, WorkItemConcurrency = limit }, null);

    private static TaskMessage Start(string instanceId)
    {
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        return new TaskMessage { OrchestrationInstance = instance, Event = new ExecutionStartedEvent(-1, "{}") { Name = "Loop", OrchestrationInstance = instance } };
    }

    [Fact]
    public void MaxConcurrentWorkItems_LimitGiven_ReportsItForOrchestrationsAndActivities()
    {
        // Act
        var service = Wrap(1234);

        // Assert
        Assert.Equal(1234, service.MaxConcurrentTaskOrchestrationWorkItems);
        Assert.Equal(1234, service.MaxConcurrentTaskActivityWorkItems);
    }

    [Fact]
    public void Constructor_ZeroLimit_Throws()
    {
        // Arrange
        var store = new Mock<IOrchestrationService>().Object;
        var client = new Mock<IOrchestrationServiceClient>().Object;

        // Act
        var thrown = Record.Exception(() => new WorkItemLimitOrchestrationService(store, client, 0));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(thrown);
    }

    [Fact]
    public async Task CreateTaskOrchestrationAsync_NewInstance_IsReadableThroughTheWrapper()
    {
        // Arrange
        var service = Wrap(10);

        // Act
        await service.CreateTaskOrchestrationAsync(Start("watch-1"));
        var state = await service.GetOrchestrationStateAsync("watch-1", executionId: null!);

        // Assert
        Assert.Equal(OrchestrationStatus.Pending, state.OrchestrationStatus);
    }

    [Fact]
    public async Task GetOrchestrationWithQueryAsync_InMemoryStore_AnswersQueries()
    {
        // Arrange
        var service = Wrap(10);
        await service.CreateTaskOrchestrationAsync(Start("watch-1"));
        await service.CreateTaskOrchestrationAsync(Start("other-1"));

        // Act
        var result = await service.GetOrchestrationWithQueryAsync(new OrchestrationQuery { InstanceIdPrefix = "watch-" }, CancellationToken.None);

        // Assert
        Assert.Equal("watch-1", Assert.Single(result.OrchestrationState).OrchestrationInstance.InstanceId);
    }

    [Fact]
    public async Task PurgeInstanceStateAsync_CompletedNothing_DelegatesToStore()
    {
        // Arrange
        var service = Wrap(10);

        // Act
        var result = await service.PurgeInstanceStateAsync("missing");

        // Assert
        Assert.Equal(0, result.DeletedInstanceCount);
    }

    [Fact]
    public async Task Detach_AfterStop_RefusesCallsButKeepsItsLimit()
    {
        // Arrange
        var service = Wrap(10);

        // Act
        service.Detach();
        var thrown = await Record.ExceptionAsync(() => service.GetOrchestrationStateAsync("watch-1", executionId: null!));

        // Assert
        Assert.IsType<ObjectDisposedException>(thrown);
        Assert.Equal(10, service.MaxConcurrentTaskOrchestrationWorkItems);
    }

    [Fact]
    public async Task CompleteTaskOrchestrationWorkItemAsync_TimerGranularity_TimerIsNeverDueEarly()
    {
        // Arrange
        var due = new DateTime(2026, 11, 29, 12, 0, 0, 500, DateTimeKind.Utc);
        var timers = new List<TaskMessage> { new() { Event = new TimerFiredEvent(-1) { TimerId = 3, FireAt = due } } };
        var store = new Moq.Mock<IOrchestrationService>();
        var service = new WorkItemLimitOrchestrationService(store.Object, Moq.Mock.Of<IOrchestrationServiceClient>(), 10, TimeSpan.FromSeconds(1));

        // Act
        await service.CompleteTaskOrchestrationWorkItemAsync(null!, null!, [], [], timers, null!, null!);

        // Assert
        var timer = Assert.IsType<TimerFiredEvent>(timers[0].Event);
        Assert.Equal(due + TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1), timer.FireAt);
        Assert.Equal(3, timer.TimerId);
    }

    [Fact]
    public async Task CompleteTaskOrchestrationWorkItemAsync_NoGranularity_LeavesTimersAlone()
    {
        // Arrange
        var due = new DateTime(2026, 11, 29, 12, 0, 0, 500, DateTimeKind.Utc);
        var timers = new List<TaskMessage> { new() { Event = new TimerFiredEvent(-1) { TimerId = 3, FireAt = due } } };
        var service = new WorkItemLimitOrchestrationService(Moq.Mock.Of<IOrchestrationService>(), Moq.Mock.Of<IOrchestrationServiceClient>(), 10);

        // Act
        await service.CompleteTaskOrchestrationWorkItemAsync(null!, null!, [], [], timers, null!, null!);

        // Assert
        Assert.Equal(due, Assert.IsType<TimerFiredEvent>(timers[0].Event).FireAt);
    }
}
