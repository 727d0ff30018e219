namespace ChangeGuard.Sae.Models;

/// <summary>ListChangeOrders' <c>Data</c>: one page of an app's change orders.</summary>
public sealed record ChangeOrderPage
{
    /// <summary>The page number, from 1.</summary>
    public int CurrentPage { get; init; }

    /// <summary>Entries per page.</summary>
    public int PageSize { get; init; }

    /// <summary>Entries in all pages.</summary>
    public int TotalSize { get; init; }

    /// <summary>This page's entries.</summary>
    public IReadOnlyList<ChangeOrderSummary> ChangeOrderList { get; init; } = [];
}
