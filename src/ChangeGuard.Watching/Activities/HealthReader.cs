using ChangeGuard.Domain;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Models;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// Measures one health snapshot from SAE with as few calls as the assessor needs: DescribeChangeOrder always; the
/// group once per watch; the instances only once a batch has started and the order is not over; DescribePipeline
/// only when a batch failed. In steady state that is two calls. It judges nothing: each new instance is placed in the
/// batch that created it, and a failure comes back as a measurement error with its class.
/// </summary>
public sealed class HealthReader(ISaeClient sae, TimeProvider time)
{
    private const int PageSize = 100;

    /// <summary>Reads a snapshot; SAE failures come back as data, never as exceptions.</summary>
    public async Task<SaeMeasurement> ReadAsync(ReadHealthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var calls = 0;
        var groupId = request.GroupId;
        try
        {
            calls++;
            var order = await sae.DescribeChangeOrderAsync(request.RegionId, request.ChangeOrderId, cancellationToken).ConfigureAwait(false);
            var progress = Progress(order);

            string? failureReason = null;
            var failed = order.Pipelines.FirstOrDefault(p => p.Status == ChangeOrderStatus.Failed);
            if (failed is not null)
            {
                calls++;
                var pipeline = await sae.DescribePipelineAsync(request.RegionId, failed.PipelineId, cancellationToken).ConfigureAwait(false);
                failureReason = pipeline.FirstFailedTask is { } task ? $"{task.ErrorCode} {task.ErrorMessage}".Trim() : order.ErrorMessage;
            }
            else if (!string.IsNullOrWhiteSpace(order.ErrorMessage))
            {
                failureReason = order.ErrorMessage;
            }

            var needInstances = progress.AnyBatchStarted && !progress.Status.IsTerminal() && progress.Status != ChangeOrderStatus.WaitingForApproval;
            if (!needInstances)
            {
                return new SaeMeasurement(new HealthSnapshot(time.GetUtcNow(), progress, [], 0, failureReason, InstancesRead: false), null, groupId, calls);
            }

            if (groupId is null)
            {
                calls++;
                var groups = await sae.DescribeApplicationGroupsAsync(request.RegionId, request.AppId, cancellationToken).ConfigureAwait(false);
                groupId = groups.FirstOrDefault()?.GroupId;
                if (groupId is null)
                {
                    return new SaeMeasurement(new HealthSnapshot(time.GetUtcNow(), progress, [], 0, failureReason), null, null, calls);
                }
            }

            var instances = new List<ApplicationInstance>();
            for (var page = 1; ; page++)
            {
                calls++;
                var result = await sae.DescribeApplicationInstancesAsync(request.RegionId,
                    new ApplicationInstancesQuery(request.AppId, groupId, CurrentPage: page, PageSize: PageSize), cancellationToken).ConfigureAwait(false);
                instances.AddRange(result.Instances);
                if (result.Instances.Count < PageSize || instances.Count >= result.TotalSize || page >= 50)
                {
                    break;
                }
            }

            var belongs = instances.Where(i => BelongsToChange(i, progress.StartedAt)).ToList();
            var snapshot = new HealthSnapshot(
                time.GetUtcNow(),
                progress,
                belongs.Select(i => ToHealth(i, BatchOf(i, order.Pipelines))).ToArray(),
                instances.Count - belongs.Count,
                failureReason);
            return new SaeMeasurement(snapshot, null, groupId, calls);
        }
        catch (SaeException ex)
        {
            return new SaeMeasurement(null, SaeFailures.ErrorOf(ex), groupId, calls);
        }
        catch (SaeConfigurationException ex)
        {
            return new SaeMeasurement(null, SaeFailures.ErrorOf(ex), groupId, calls);
        }
    }

    /// <summary>The order's progress in ChangeGuard's terms.</summary>
    public static ChangeOrderProgress Progress(ChangeOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var pipelines = order.Pipelines;
        var current = IndexOf(pipelines, p => p.PipelineId == order.CurrentPipelineId);
        var failed = IndexOf(pipelines, p => p.Status == ChangeOrderStatus.Failed);
        var started = pipelines.Any(p => p.Status != ChangeOrderStatus.Preparing || p.StartTime is not null);
        return new ChangeOrderProgress(
            order.Status,
            order.SubStatus,
            current >= 0 ? current + 1 : 0,
            Math.Max(order.BatchCount, pipelines.Count),
            failed >= 0 ? failed + 1 : null,
            order.CreateTime,
            started,
            current >= 0 ? pipelines[current].StartTime : null,
            string.IsNullOrWhiteSpace(order.AppName) ? null : order.AppName,
            string.IsNullOrWhiteSpace(order.AppId) ? null : order.AppId);
    }

    private static int IndexOf(IReadOnlyList<ChangeOrderPipeline> pipelines, Func<ChangeOrderPipeline, bool> match)
    {
        for (var i = 0; i < pipelines.Count; i++)
        {
            if (match(pipelines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool BelongsToChange(ApplicationInstance instance, DateTimeOffset? orderStartedAt) =>
        orderStartedAt is null || instance.CreateTimeStamp is null || instance.CreateTimeStamp >= orderStartedAt;

    /// <summary>
    /// The batch (1-based) that created an instance: the latest batch that had started by the instance's creation time.
    /// Null when the instance or the batches carry no times.
    /// </summary>
    private static int? BatchOf(ApplicationInstance instance, IReadOnlyList<ChangeOrderPipeline> pipelines)
    {
        if (instance.CreateTimeStamp is not { } created)
        {
            return null;
        }

        int? batch = null;
        for (var i = 0; i < pipelines.Count; i++)
        {
            if (pipelines[i].StartTime is { } started && started <= created)
            {
                batch = i + 1;
            }
        }

        return batch;
    }

    private static InstanceHealth ToHealth(ApplicationInstance instance, int? batch)
    {
        var condition = InstanceConditions.Classify(instance.InstanceContainerStatus, instance.InstanceHealthStatus);
        var detail = condition == InstanceCondition.Healthy
            ? null
            : $"{instance.InstanceContainerStatus}/{instance.InstanceHealthStatus}{(string.IsNullOrWhiteSpace(instance.UnhealthyMessage) ? string.Empty : ": " + instance.UnhealthyMessage)}";
        return new InstanceHealth(instance.InstanceId, instance.PackageVersion ?? instance.ImageUrl, condition,
            instance.InstanceContainerRestarts, instance.CreateTimeStamp, detail, batch);
    }
}
