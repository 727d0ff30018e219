using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Tests.Health;

/// <summary>
/// Builds <see cref="HealthSnapshot"/>s for evaluator tests. Starts as an executing order (status 1) whose first of
/// two batches has started, with no instances yet.
/// </summary>
internal sealed class SnapshotBuilder
{
    /// <summary>When the order was created.</summary>
    public static readonly DateTimeOffset OrderStartedAt = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>When the watch started (after the order).</summary>
    public static readonly DateTimeOffset WatchStartedAt = OrderStartedAt.AddMinutes(1);

    private readonly List<InstanceHealth> _instances = [];
    private ChangeOrderStatus _status = ChangeOrderStatus.Executing;
    private ChangeOrderSubStatus _subStatus = ChangeOrderSubStatus.Normal;
    private int _currentBatch = 1;
    private int _batchCount = 2;
    private int? _failedBatch;
    private bool _anyBatchStarted = true;
    private bool _instancesRead = true;
    private string? _failureReason;
    private string? _appId;
    private string? _pipelineId;
    private bool _manual;

    public SnapshotBuilder WithStatus(ChangeOrderStatus status, ChangeOrderSubStatus subStatus = ChangeOrderSubStatus.Normal)
    {
        _status = status;
        _subStatus = subStatus;
        return this;
    }

    /// <summary>No batch has started: the reader skips the instance reads.</summary>
    public SnapshotBuilder BeforeAnyBatch()
    {
        _anyBatchStarted = false;
        _currentBatch = 0;
        _instancesRead = false;
        _instances.Clear();
        return this;
    }

    public SnapshotBuilder WithBatches(int current, int count)
    {
        _currentBatch = current;
        _batchCount = count;
        return this;
    }

    /// <summary>A manual release waiting for a person to confirm batch <paramref name="batch"/> (status 8).</summary>
    public SnapshotBuilder WaitingToStart(int batch, int count, string? pipelineId = null)
    {
        _status = ChangeOrderStatus.WaitingForBatchConfirmation;
        _currentBatch = batch;
        _batchCount = count;
        _pipelineId = pipelineId ?? $"pipeline-{batch}";
        _manual = true;
        return this;
    }

    /// <summary>Each batch after the first waits for a confirm.</summary>
    public SnapshotBuilder Manual()
    {
        _manual = true;
        return this;
    }

    public SnapshotBuilder WithFailedBatch(int batch, string? reason = null)
    {
        _failedBatch = batch;
        _failureReason = reason;
        return this;
    }

    /// <summary>The app SAE says the order belongs to, unless one was set.</summary>
    public SnapshotBuilder OfAppIfUnset(string appId)
    {
        _appId ??= appId;
        return this;
    }

    /// <summary>The app SAE says the order belongs to.</summary>
    public SnapshotBuilder OfApp(string appId)
    {
        _appId = appId;
        return this;
    }

    public SnapshotBuilder WithInstance(InstanceHealth instance)
    {
        _instances.Add(instance);
        return this;
    }

    /// <summary>
    /// Adds <paramref name="count"/> new instances in <paramref name="condition"/>, ids <c>prefix-1</c> and on, created by
    /// <paramref name="batch"/> (unknown when null).
    /// </summary>
    public SnapshotBuilder WithInstances(int count, InstanceCondition condition, string? prefix = null, int? batch = null)
    {
        prefix ??= condition.ToString().ToLowerInvariant() + (batch is { } b ? $"-b{b}" : string.Empty);
        for (var i = 1; i <= count; i++)
        {
            _instances.Add(Instance($"{prefix}-{i}", condition) with { Batch = batch });
        }

        return this;
    }

    public ChangeOrderProgress BuildProgress() =>
        new(_status, _subStatus, _currentBatch, _batchCount, _failedBatch, OrderStartedAt, _anyBatchStarted, AppId: _appId,
            CurrentPipelineId: _pipelineId, ManualBatches: _manual);

    public HealthSnapshot Build() =>
        new(WatchStartedAt.AddMinutes(5), BuildProgress(), _instances.ToArray(), 0, _failureReason, _instancesRead);

    /// <summary>A new instance (created after the watch started), so all its restarts count.</summary>
    public static InstanceHealth Instance(
        string id,
        InstanceCondition condition = InstanceCondition.Healthy,
        long restarts = 0,
        DateTimeOffset? createdAt = null) =>
        new(id, "v2", condition, restarts, createdAt ?? WatchStartedAt.AddSeconds(30),
            condition == InstanceCondition.Healthy ? null : $"{condition} detail");

    /// <summary>An instance created after the order but before the watch started.</summary>
    public static InstanceHealth EarlyInstance(string id, long restarts, InstanceCondition condition = InstanceCondition.Healthy) =>
        Instance(id, condition, restarts, OrderStartedAt.AddSeconds(10));
}
