namespace ChangeGuard.Sae.Models;

/// <summary>One task of a stage; <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> say why it failed.</summary>
public sealed record PipelineTask
{
    /// <summary>The task id.</summary>
    public string? TaskId { get; init; }

    /// <summary>The task name.</summary>
    public string? TaskName { get; init; }

    /// <summary>0 ready, 1 executing, 2 succeeded, 3 failed, 5 waiting to retry, 6 terminated.</summary>
    public int Status { get; init; }

    /// <summary>Progress text.</summary>
    public string? Message { get; init; }

    /// <summary>The failure code, such as <c>EDAS-10022</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The failure text.</summary>
    public string? ErrorMessage { get; init; }
}
