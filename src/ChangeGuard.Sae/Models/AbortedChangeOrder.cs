namespace ChangeGuard.Sae.Models;

/// <summary>AbortChangeOrder's <c>Data</c>: the id of the order SAE stopped.</summary>
public sealed record AbortedChangeOrder
{
    /// <summary>The stopped order.</summary>
    public string? ChangeOrderId { get; init; }

    /// <summary>SAE's request id of the accepted abort, for the audit trail.</summary>
    public string? RequestId { get; init; }
}
