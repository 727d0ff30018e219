using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask.Client;

namespace ChangeGuard.Watching;

/// <summary>Builds <see cref="WatchView"/>s from the engine's metadata.</summary>
internal static class WatchViews
{
    public static WatchView From(OrchestrationMetadata metadata)
    {
        var input = TryRead(() => metadata.ReadInputAs<WatchInput>());
        var status = TryRead(() => metadata.ReadCustomStatusAs<WatchProgress>());
        var outcome = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? TryRead(() => metadata.ReadOutputAs<WatchResult>()) : null;
        return new WatchView
        {
            ChangeOrderId = input?.Target.ChangeOrderId ?? WatchIds.ChangeOrderOf(metadata.InstanceId),
            AppId = input?.Target.AppId,
            RegionId = input?.Target.RegionId,
            InstanceId = metadata.InstanceId,
            RuntimeStatus = FromDurable(metadata.RuntimeStatus),
            Phase = status?.Phase,
            Policy = input?.Policy,
            Notify = input?.Notify?.Select(s => s.Channel).ToArray(),
            RequestedBy = input?.RequestedBy,
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            LastVerdict = status?.LastVerdict,
            LastHealth = status?.LastHealth,
            Status = status,
            Result = outcome,
            Failure = metadata.FailureDetails?.ErrorMessage,
        };
    }

    public static WatchView Scheduled(string instanceId, WatchInput input) => new()
    {
        ChangeOrderId = input.Target.ChangeOrderId,
        AppId = input.Target.AppId,
        RegionId = input.Target.RegionId,
        InstanceId = instanceId,
        RuntimeStatus = EngineStatus.Pending,
        Policy = input.Policy,
        Notify = input.Notify?.Select(s => s.Channel).ToArray(),
        RequestedBy = input.RequestedBy,
    };

    public static EngineStatus FromDurable(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => EngineStatus.Running,
        OrchestrationRuntimeStatus.Completed => EngineStatus.Completed,
        OrchestrationRuntimeStatus.Failed => EngineStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => EngineStatus.Terminated,
        OrchestrationRuntimeStatus.Suspended => EngineStatus.Suspended,
        _ => EngineStatus.Pending,
    };

    public static OrchestrationRuntimeStatus ToDurable(EngineStatus status) => status switch
    {
        EngineStatus.Running => OrchestrationRuntimeStatus.Running,
        EngineStatus.Completed => OrchestrationRuntimeStatus.Completed,
        EngineStatus.Failed => OrchestrationRuntimeStatus.Failed,
        EngineStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        EngineStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => OrchestrationRuntimeStatus.Pending,
    };

    private static T? TryRead<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
