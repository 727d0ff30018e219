using ChangeGuard.Domain.Assessment;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask.Client;

namespace ChangeGuard.Watching;

/// <summary>Builds <see cref="WatchView"/>s from the engine's metadata.</summary>
internal static class WatchViews
{
    public static WatchView From(OrchestrationMetadata metadata)
    {
        var input = TryRead(() => metadata.ReadInputAs<WatchInput>());
        var status = TryRead(() => metadata.ReadCustomStatusAs<WatchStatus>());
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
            Outcome = outcome,
            Failure = metadata.FailureDetails?.ErrorMessage,
        };
    }

    public static WatchView Scheduled(string instanceId, WatchInput input) => new()
    {
        ChangeOrderId = input.Target.ChangeOrderId,
        AppId = input.Target.AppId,
        RegionId = input.Target.RegionId,
        InstanceId = instanceId,
        RuntimeStatus = WatchRuntimeStatus.Pending,
        Policy = input.Policy,
        Notify = input.Notify?.Select(s => s.Channel).ToArray(),
        RequestedBy = input.RequestedBy,
    };

    public static WatchRuntimeStatus FromDurable(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => WatchRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => WatchRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed => WatchRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => WatchRuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Suspended => WatchRuntimeStatus.Suspended,
        _ => WatchRuntimeStatus.Pending,
    };

    public static OrchestrationRuntimeStatus ToDurable(WatchRuntimeStatus status) => status switch
    {
        WatchRuntimeStatus.Running => OrchestrationRuntimeStatus.Running,
        WatchRuntimeStatus.Completed => OrchestrationRuntimeStatus.Completed,
        WatchRuntimeStatus.Failed => OrchestrationRuntimeStatus.Failed,
        WatchRuntimeStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        WatchRuntimeStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
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
