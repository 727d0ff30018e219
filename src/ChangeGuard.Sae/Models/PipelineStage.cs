namespace ChangeGuard.Sae.Models;

/// <summary>One stage of a batch.</summary>
public sealed record PipelineStage
{
    /// <summary>The stage id.</summary>
    public string? StageId { get; init; }

    /// <summary>The stage name.</summary>
    public string? StageName { get; init; }

    /// <summary>0 ready, 1 executing, 2 succeeded, 3 failed, 6 terminated.</summary>
    public int Status { get; init; }

    /// <summary>0 serial, 1 parallel.</summary>
    public int? ExecutorType { get; init; }

    /// <summary>The tasks.</summary>
    public IReadOnlyList<PipelineTask> TaskList { get; init; } = [];
}
