namespace ChangeGuard.Sae.Models;

/// <summary>ConfirmPipelineBatch's <c>Data</c>: the batch (pipeline) SAE confirmed, and the request id for the audit trail.</summary>
public sealed record ConfirmedPipelineBatch
{
    /// <summary>The confirmed pipeline.</summary>
    public string? PipelineId { get; init; }

    /// <summary>SAE's request id of the accepted confirmation.</summary>
    public string? RequestId { get; init; }
}
