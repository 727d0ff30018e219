using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace ChangeGuard.Hosting;

/// <summary>
/// The store behind the sidecar with a work-item limit of our choosing. The in-memory service reports
/// <see cref="Environment.ProcessorCount"/> for both limits, and the sidecar dispatcher sleeps 500 ms whenever that
/// many items are in flight, so a stock engine serves at most twice that many items a second (four on two cores) and
/// falls behind at a few dozen watches. A store whose timers have a coarser grain than the orchestration's clock
/// (Azure Storage queues hide a message for whole seconds, so a timer due in 0.9 s fires at once) gets its timers
/// pushed later by up to one <paramref name="timerGranularity"/>, so a timer never fires early. Everything else
/// passes straight through, including query and purge, which the sidecar finds by type test.
/// </summary>
public sealed class WorkItemLimitOrchestrationService(IOrchestrationService service, IOrchestrationServiceClient client, int workItemLimit, TimeSpan timerGranularity = default)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    private readonly int _limit = workItemLimit > 0 ? workItemLimit : throw new ArgumentOutOfRangeException(nameof(workItemLimit), "must be positive");
    private IOrchestrationService? _service = service ?? throw new ArgumentNullException(nameof(service));
    private IOrchestrationServiceClient? _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>
    /// Lets go of the store once the engine has stopped. The sidecar's dispatcher waits up to an hour for work items
    /// that were out with the worker when it stopped, and holds this service meanwhile; without this, every stopped
    /// engine kept all its orchestrations' state in memory for that hour. Afterwards the lifecycle, abandon, release
    /// and renew calls do nothing (the sidecar makes some of them from <c>async void</c> handlers, where a throw would
    /// end the process); fetching, completing and every client call throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Detach()
    {
        _service = null;
        _client = null;
    }

    /// <inheritdoc />
    public int MaxConcurrentTaskOrchestrationWorkItems => _limit;

    /// <inheritdoc />
    public int MaxConcurrentTaskActivityWorkItems => _limit;

    /// <inheritdoc />
    public int TaskOrchestrationDispatcherCount => _service?.TaskOrchestrationDispatcherCount ?? 1;

    /// <inheritdoc />
    public int TaskActivityDispatcherCount => _service?.TaskActivityDispatcherCount ?? 1;

    /// <inheritdoc />
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => _service?.EventBehaviourForContinueAsNew ?? BehaviorOnContinueAsNew.Carryover;

    /// <inheritdoc />
    public Task StartAsync() => _service?.StartAsync() ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync() => _service?.StopAsync() ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(bool isForced) => _service?.StopAsync(isForced) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task CreateAsync() => _service?.CreateAsync() ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task CreateAsync(bool recreateInstanceStore) => _service?.CreateAsync(recreateInstanceStore) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync() => _service?.CreateIfNotExistsAsync() ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task DeleteAsync() => _service?.DeleteAsync() ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task DeleteAsync(bool deleteInstanceStore) => _service?.DeleteAsync(deleteInstanceStore) ?? Task.CompletedTask;

    /// <inheritdoc />
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        _service?.IsMaxMessageCountExceeded(currentMessageCount, runtimeState) ?? false;

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => _service?.GetDelayInSecondsAfterOnProcessException(exception) ?? 1;

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => _service?.GetDelayInSecondsAfterOnFetchException(exception) ?? 1;

    /// <inheritdoc />
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        Service.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    /// <inheritdoc />
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => _service?.RenewTaskOrchestrationWorkItemLockAsync(workItem) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        if (timerGranularity > TimeSpan.Zero && timerMessages is not null)
        {
            foreach (var message in timerMessages)
            {
                if (message.Event is TimerFiredEvent timer)
                {
                    // Only the store's delivery moment changes: the orchestration matches the timer by its id.
                    timer.FireAt = timer.FireAt + timerGranularity - TimeSpan.FromTicks(1);
                }
            }
        }

        return Service.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages,
            continuedAsNewMessage, orchestrationState);
    }

    /// <inheritdoc />
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => _service?.AbandonTaskOrchestrationWorkItemAsync(workItem) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => _service?.ReleaseTaskOrchestrationWorkItemAsync(workItem) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        Service.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    /// <inheritdoc />
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        _service?.RenewTaskActivityWorkItemLockAsync(workItem) ?? Task.FromResult(workItem);

    /// <inheritdoc />
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        Service.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    /// <inheritdoc />
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => _service?.AbandonTaskActivityWorkItemAsync(workItem) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => Client.CreateTaskOrchestrationAsync(creationMessage);

    /// <inheritdoc />
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        Client.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);

    /// <inheritdoc />
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => Client.SendTaskOrchestrationMessageAsync(message);

    /// <inheritdoc />
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => Client.SendTaskOrchestrationMessageBatchAsync(messages);

    /// <inheritdoc />
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        Client.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    /// <inheritdoc />
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => Client.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    /// <inheritdoc />
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        Client.GetOrchestrationStateAsync(instanceId, allExecutions);

    /// <inheritdoc />
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        Client.GetOrchestrationStateAsync(instanceId, executionId);

    /// <inheritdoc />
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => Client.GetOrchestrationHistoryAsync(instanceId, executionId);

    /// <inheritdoc />
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        Client.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    /// <inheritdoc />
    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        Client is IOrchestrationServiceQueryClient queries
            ? queries.GetOrchestrationWithQueryAsync(query, cancellationToken)
            : throw new NotSupportedException($"{Client.GetType().Name} does not support queries.");

    /// <inheritdoc />
    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => Purger.PurgeInstanceStateAsync(instanceId);

    /// <inheritdoc />
    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => Purger.PurgeInstanceStateAsync(purgeInstanceFilter);

    private IOrchestrationService Service => _service ?? throw Stopped();

    private IOrchestrationServiceClient Client => _client ?? throw Stopped();

    private IOrchestrationServicePurgeClient Purger =>
        Client as IOrchestrationServicePurgeClient ?? throw new NotSupportedException($"{Client.GetType().Name} does not support purging.");

    private static ObjectDisposedException Stopped() => new(nameof(WorkItemLimitOrchestrationService), "The engine has stopped.");
}
