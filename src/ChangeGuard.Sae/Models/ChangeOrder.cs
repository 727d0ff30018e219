using System.Text.Json.Serialization;
using ChangeGuard.Domain;
using ChangeGuard.Sae.Wire.Json;

namespace ChangeGuard.Sae.Models;

/// <summary>DescribeChangeOrder's <c>Data</c>: one change order with its batches, in SAE's field names.</summary>
public sealed record ChangeOrder
{
    /// <summary>The change order id.</summary>
    public string ChangeOrderId { get; init; } = string.Empty;

    /// <summary>The app the order changes.</summary>
    public string? AppId { get; init; }

    /// <summary>The app's name.</summary>
    public string? AppName { get; init; }

    /// <summary>The order's status.</summary>
    public ChangeOrderStatus Status { get; init; }

    /// <summary>Abnormal when a batch failed and the order waits for a manual rollback.</summary>
    public ChangeOrderSubStatus SubStatus { get; init; }

    /// <summary>Human, localised description of the order type.</summary>
    public string? CoType { get; init; }

    /// <summary>The type code, such as <c>CoDeploy</c>; use it for logic.</summary>
    public string? CoTypeCode { get; init; }

    /// <summary>When the order was created.</summary>
    [JsonConverter(typeof(SaeTimestampConverter))]
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>Why the order failed, when it did.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Number of batches.</summary>
    public int BatchCount { get; init; }

    /// <summary><c>auto</c> or <c>manual</c>.</summary>
    public string? BatchType { get; init; }

    /// <summary>True when batches follow each other automatically.</summary>
    public bool? Auto { get; init; }

    /// <summary>Wait between automatic batches, in minutes as DescribeChangeOrder documents it.</summary>
    public int? BatchWaitTime { get; init; }

    /// <summary>The batch to inspect or confirm.</summary>
    public string? CurrentPipelineId { get; init; }

    /// <summary>True when SAE can roll the order back.</summary>
    public bool? SupportRollback { get; init; }

    /// <summary>The approval id, when approval is required.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>The batches, in order.</summary>
    public IReadOnlyList<ChangeOrderPipeline> Pipelines { get; init; } = [];
}
