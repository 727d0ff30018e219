namespace ChangeGuard.Sae.Models;

/// <summary>ListApplications' parameters; all optional.</summary>
/// <param name="NamespaceId">Only apps of this namespace, such as <c>cn-hangzhou:demo</c>.</param>
/// <param name="AppName">Only apps with this name.</param>
/// <param name="CurrentPage">Page number, from 1.</param>
/// <param name="PageSize">Entries per page.</param>
public sealed record ListApplicationsQuery(
    string? NamespaceId = null,
    string? AppName = null,
    int? CurrentPage = null,
    int? PageSize = null);
