using System.Text.Json.Serialization;
using ChangeGuard.Domain;
using ChangeGuard.Sae.Wire.Json;

namespace ChangeGuard.Sae.Models;

/// <summary>One batch of a change order, as DescribeChangeOrder lists it.</summary>
public sealed record ChangeOrderPipeline
{
    /// <summary>The batch's pipeline id.</summary>
    public string PipelineId { get; init; } = string.Empty;

    /// <summary>The batch's name, such as "Batch 1".</summary>
    public string? PipelineName { get; init; }

    /// <summary>The batch's status, from the change order set.</summary>
    public ChangeOrderStatus Status { get; init; }

    /// <summary>When the batch started.</summary>
    [JsonConverter(typeof(SaeTimestampConverter))]
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the batch last changed.</summary>
    [JsonConverter(typeof(SaeTimestampConverter))]
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>SAE's batch type code.</summary>
    public int? BatchType { get; init; }

    /// <summary>Instances updated in parallel.</summary>
    public int? ParallelCount { get; init; }
}
