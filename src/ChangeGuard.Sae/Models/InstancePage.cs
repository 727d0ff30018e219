namespace ChangeGuard.Sae.Models;

/// <summary>DescribeApplicationInstances' <c>Data</c>: one page of a group's instances.</summary>
public sealed record InstancePage
{
    /// <summary>The page number, from 1.</summary>
    public int CurrentPage { get; init; }

    /// <summary>Entries per page.</summary>
    public int PageSize { get; init; }

    /// <summary>Entries in all pages.</summary>
    public int TotalSize { get; init; }

    /// <summary>This page's instances.</summary>
    public IReadOnlyList<ApplicationInstance> Instances { get; init; } = [];
}
