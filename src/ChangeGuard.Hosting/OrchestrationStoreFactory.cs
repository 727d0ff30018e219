using DurableTask.AzureStorage;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Hosting;

/// <summary>
/// Creates the Durable Task store behind the sidecar from <see cref="EngineOptions"/>: the in-memory service, or the
/// Azure Storage provider Durable Functions itself runs on, configured as the Functions app's host.json configures it.
/// Either way the result carries the engine's work-item limit.
/// </summary>
public static class OrchestrationStoreFactory
{
    /// <summary>Partitions of a task hub, as in host.json.</summary>
    public const int PartitionCount = 4;

    /// <summary>Azure Storage queues hide a message for whole seconds: the grain of a timer on that store.</summary>
    public static readonly TimeSpan QueueVisibilityGranularity = TimeSpan.FromSeconds(1);

    /// <summary>Creates the store.</summary>
    public static WorkItemLimitOrchestrationService Create(EngineOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Store == EngineStore.Memory)
        {
            var memory = new InMemoryOrchestrationService(loggerFactory);
            return new WorkItemLimitOrchestrationService(memory, memory, options.WorkItemConcurrency);
        }

        var storage = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnection!),
            TaskHubName = options.TaskHub,
            WorkerId = options.WorkerId,
            AppName = "changeguard",
            PartitionCount = PartitionCount,
            MaxConcurrentTaskOrchestrationWorkItems = options.WorkItemConcurrency,
            MaxConcurrentTaskActivityWorkItems = options.WorkItemConcurrency,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueBatchSize = 32,
            ControlQueueBufferThreshold = 128,
            WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            UseTablePartitionManagement = true,
            LoggerFactory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        });
        return new WorkItemLimitOrchestrationService(storage, storage, options.WorkItemConcurrency, QueueVisibilityGranularity);
    }
}
