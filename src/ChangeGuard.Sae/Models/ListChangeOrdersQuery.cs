using ChangeGuard.Domain;

namespace ChangeGuard.Sae.Models;

/// <summary>ListChangeOrders' parameters.</summary>
/// <param name="AppId">The app (required).</param>
/// <param name="Status">Only orders in this status (<c>CoStatus</c>).</param>
/// <param name="CoType">Only orders of this type code.</param>
/// <param name="CurrentPage">Page number, from 1.</param>
/// <param name="PageSize">Entries per page.</param>
/// <param name="Key">Substring of the description.</param>
public sealed record ListChangeOrdersQuery(
    string AppId,
    ChangeOrderStatus? Status = null,
    string? CoType = null,
    int? CurrentPage = null,
    int? PageSize = null,
    string? Key = null);
