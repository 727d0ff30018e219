using ChangeGuard.Domain;

namespace ChangeGuard.Sae.Models;

/// <summary>DescribePipeline's <c>Data</c>: one batch with its stages, the place that says why a batch failed.</summary>
public sealed record Pipeline
{
    /// <summary>The pipeline id.</summary>
    public string PipelineId { get; init; } = string.Empty;

    /// <summary>The batch's name.</summary>
    public string? PipelineName { get; init; }

    /// <summary>The batch's status.</summary>
    public ChangeOrderStatus PipelineStatus { get; init; }

    /// <summary>Human text of the status.</summary>
    public string? CoStatus { get; init; }

    /// <summary>The stage running now.</summary>
    public string? CurrentStageId { get; init; }

    /// <summary>The next batch.</summary>
    public string? NextPipelineId { get; init; }

    /// <summary>True when the next batch can be started now.</summary>
    public bool? ShowBatch { get; init; }

    /// <summary>The stages.</summary>
    public IReadOnlyList<PipelineStage> StageList { get; init; } = [];

    /// <summary>The first failed task's error, the usual reason a batch failed.</summary>
    public PipelineTask? FirstFailedTask =>
        StageList.SelectMany(s => s.TaskList).FirstOrDefault(t => t.Status == 3 || !string.IsNullOrEmpty(t.ErrorCode));
}
