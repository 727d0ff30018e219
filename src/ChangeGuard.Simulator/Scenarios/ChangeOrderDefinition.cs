namespace ChangeGuard.Simulator.Scenarios;

/// <summary>One change order (a deployment) and how its batches play out.</summary>
public sealed record ChangeOrderDefinition
{
    /// <summary>The change order id; generated when empty.</summary>
    public string? ChangeOrderId { get; init; }

    /// <summary>The app, when the order is created through the control API (scenario files nest orders in apps).</summary>
    public string? AppId { get; init; }

    /// <summary>The type code, such as <c>CoDeploy</c>.</summary>
    public string CoTypeCode { get; init; } = "CoDeploy";

    /// <summary>Free text, searchable with ListChangeOrders' Key.</summary>
    public string? Description { get; init; }

    /// <summary>Scenario seconds the order had already been running when the scenario loaded (an old order).</summary>
    public double AgeSeconds { get; init; }

    /// <summary>The version the order rolls out.</summary>
    public string Version { get; init; } = "2.0.0";

    /// <summary>Scenario seconds spent waiting for approval (status 11) before the first batch.</summary>
    public double ApprovalSeconds { get; init; }

    /// <summary>Automatic or manual batches.</summary>
    public BatchMode BatchType { get; init; } = BatchMode.Auto;

    /// <summary>Automatic batches: scenario seconds between batches (status 9).</summary>
    public double BatchWaitSeconds { get; init; }

    /// <summary>Manual batches: scenario seconds after which someone confirms the next batch; null waits for the control API.</summary>
    public double? ConfirmAfterSeconds { get; init; }

    /// <summary>The batches, in order; one healthy batch over all instances when empty.</summary>
    public IReadOnlyList<BatchDefinition> Batches { get; init; } = [];

    /// <summary>When a batch fails: the order fails (status 3), or stays executing with SubStatus 1 as SAE does when a manual rollback is needed.</summary>
    public FailureMode OnBatchFailure { get; init; } = FailureMode.Fail;

    /// <summary>What the last batch does if nobody aborts the order.</summary>
    public OrderEnding IfNotAborted { get; init; } = OrderEnding.Succeed;
}
