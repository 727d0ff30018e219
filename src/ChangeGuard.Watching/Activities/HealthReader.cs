using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Models;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// Measures one health snapshot from SAE with as few calls as the assessor needs. When the assessor asks for the
/// order (or knows none, or the known one is not running a batch) it reads DescribeChangeOrder, then the instances if a
/// batch runs. Otherwise it reads the instances alone and judges them against the order as last read, unless their
/// shape (new and old instances) changed since: then the order may have moved to a new batch and is read too. The
/// group is read once per watch, DescribePipeline only when a batch failed. In steady state that is one call a poll.
/// It judges nothing: each new instance is placed in the batch that created it, and a failure comes back as a
/// measurement error with its class.
/// </summary>
public sealed class HealthReader(ISaeClient sae, TimeProvider time)
{
    private const int PageSize = 100;

    /// <summary>What a poll costs in steady state: the instances every poll, the order every <see cref="Assessor.OrderReadEvery"/>th.</summary>
    public static readonly double SteadyCallsPerPoll = 1 + (1.0 / Assessor.OrderReadEvery);

    /// <summary>
    /// What the watch's polls will cost on average, for the call budget's planning (not this poll's count, which includes
    /// one-off reads such as the group's): two calls while a breach or error is being counted, or while a promoting
    /// watch's manual batch runs (order and instances every poll), one while no batch runs (the order alone), else <see cref="SteadyCallsPerPoll"/>.
    /// </summary>
    public static double ExpectedCallsPerPoll(ReadHealthRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.KnownOrder is not { NeedsInstances: true } ? 1
            : (request.Elevated && request.ReadOrder) || request.OrderEveryPoll ? 2
            : SteadyCallsPerPoll;
    }

    /// <summary>Reads a snapshot; SAE failures come back as data, never as exceptions.</summary>
    public async Task<SaeMeasurement> ReadAsync(ReadHealthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = new Reading(request);
        try
        {
            IReadOnlyList<ApplicationInstance>? instances = null;
            if (!request.ReadOrder && request.KnownOrder is { NeedsInstances: true } known)
            {
                instances = await ReadInstancesAsync(read, cancellationToken).ConfigureAwait(false);
                if (instances is null)
                {
                    return read.Measurement(new HealthSnapshot(time.GetUtcNow(), known, [], 0, null, OrderRead: false));
                }

                if (Counts(instances, known) == request.KnownCounts)
                {
                    return read.Measurement(Snapshot(known, instances, null, orderRead: false));
                }
            }

            read.Calls++;
            var order = await sae.DescribeChangeOrderAsync(request.RegionId, request.ChangeOrderId, cancellationToken).ConfigureAwait(false);
            var progress = Progress(order);
            var failureReason = await FailureReasonAsync(read, order, cancellationToken).ConfigureAwait(false);
            if (!progress.NeedsInstances)
            {
                return read.Measurement(new HealthSnapshot(time.GetUtcNow(), progress, [], 0, failureReason, InstancesRead: false));
            }

            instances ??= await ReadInstancesAsync(read, cancellationToken).ConfigureAwait(false);
            return read.Measurement(instances is null
                ? new HealthSnapshot(time.GetUtcNow(), progress, [], 0, failureReason)
                : Snapshot(progress, instances, failureReason, orderRead: true));
        }
        catch (SaeException ex)
        {
            return read.Failed(SaeFailures.ErrorOf(ex));
        }
        catch (SaeConfigurationException ex)
        {
            return read.Failed(SaeFailures.ErrorOf(ex));
        }
    }

    /// <summary>Why a batch failed: DescribePipeline's first failed task, or the order's own message.</summary>
    private async Task<string?> FailureReasonAsync(Reading read, ChangeOrder order, CancellationToken cancellationToken)
    {
        if (order.Pipelines.FirstOrDefault(p => p.Status == ChangeOrderStatus.Failed) is { } failed)
        {
            read.Calls++;
            var pipeline = await sae.DescribePipelineAsync(read.Request.RegionId, failed.PipelineId, cancellationToken).ConfigureAwait(false);
            return pipeline.FirstFailedTask is { } task ? $"{task.ErrorCode} {task.ErrorMessage}".Trim() : order.ErrorMessage;
        }

        return string.IsNullOrWhiteSpace(order.ErrorMessage) ? null : order.ErrorMessage;
    }

    /// <summary>The app's instances, page by page (the group first, once per watch); null when the app has no group.</summary>
    private async Task<IReadOnlyList<ApplicationInstance>?> ReadInstancesAsync(Reading read, CancellationToken cancellationToken)
    {
        var request = read.Request;
        if (read.GroupId is null)
        {
            read.Calls++;
            var groups = await sae.DescribeApplicationGroupsAsync(request.RegionId, request.AppId, cancellationToken).ConfigureAwait(false);
            read.GroupId = groups.FirstOrDefault()?.GroupId;
            if (read.GroupId is null)
            {
                return null;
            }
        }

        var instances = new List<ApplicationInstance>();
        for (var page = 1; ; page++)
        {
            read.Calls++;
            var result = await sae.DescribeApplicationInstancesAsync(request.RegionId,
                new ApplicationInstancesQuery(request.AppId, read.GroupId, CurrentPage: page, PageSize: PageSize), cancellationToken).ConfigureAwait(false);
            instances.AddRange(result.Instances);
            if (result.Instances.Count < PageSize || instances.Count >= result.TotalSize || page >= 50)
            {
                return instances;
            }
        }
    }

    private HealthSnapshot Snapshot(ChangeOrderProgress progress, IReadOnlyList<ApplicationInstance> instances, string? failureReason, bool orderRead)
    {
        var belongs = instances.Where(i => BelongsToChange(i, progress.StartedAt)).ToList();
        return new HealthSnapshot(
            time.GetUtcNow(),
            progress,
            belongs.Select(i => ToHealth(i, BatchOf(i, progress.BatchStarts ?? []))).ToArray(),
            instances.Count - belongs.Count,
            failureReason,
            OrderRead: orderRead);
    }

    private static InstanceCounts Counts(IReadOnlyList<ApplicationInstance> instances, ChangeOrderProgress order)
    {
        var belongs = instances.Count(i => BelongsToChange(i, order.StartedAt));
        return new InstanceCounts(belongs, instances.Count - belongs);
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
            string.IsNullOrWhiteSpace(order.AppId) ? null : order.AppId,
            [.. pipelines.Select(p => p.StartTime)],
            string.IsNullOrWhiteSpace(order.CurrentPipelineId) ? null : order.CurrentPipelineId,
            string.Equals(order.BatchType, "manual", StringComparison.OrdinalIgnoreCase) || order.Auto == false);
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
    private static int? BatchOf(ApplicationInstance instance, IReadOnlyList<DateTimeOffset?> batchStarts)
    {
        if (instance.CreateTimeStamp is not { } created)
        {
            return null;
        }

        int? batch = null;
        for (var i = 0; i < batchStarts.Count; i++)
        {
            if (batchStarts[i] is { } started && started <= created)
            {
                batch = i + 1;
            }
        }

        return batch;
    }

    /// <summary>One read's running count of calls and the group it found.</summary>
    private sealed class Reading(ReadHealthRequest request)
    {
        public ReadHealthRequest Request { get; } = request;

        public int Calls { get; set; }

        public string? GroupId { get; set; } = request.GroupId;

        public SaeMeasurement Measurement(HealthSnapshot snapshot) => new(snapshot, null, GroupId, Calls);

        public SaeMeasurement Failed(MeasurementError error) => new(null, error, GroupId, Calls);
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
