namespace ChangeGuard.Sae.Models;

/// <summary>ListApplications' <c>Data</c>: one page of applications.</summary>
public sealed record ApplicationPage
{
    /// <summary>The page number, from 1.</summary>
    public int CurrentPage { get; init; }

    /// <summary>Entries per page.</summary>
    public int PageSize { get; init; }

    /// <summary>Entries in all pages.</summary>
    public int TotalSize { get; init; }

    /// <summary>This page's applications.</summary>
    public IReadOnlyList<ApplicationSummary> Applications { get; init; } = [];
}
