namespace ChangeGuard.Sae.Models;

/// <summary>DescribeApplicationInstances' parameters.</summary>
/// <param name="AppId">The app (required).</param>
/// <param name="GroupId">The group, from DescribeApplicationGroups (required by SAE).</param>
/// <param name="CurrentPage">Page number, from 1.</param>
/// <param name="PageSize">Entries per page (SAE's default is 10).</param>
/// <param name="PipelineId">Only the instances of one batch.</param>
/// <param name="InstanceId">Only one instance.</param>
public sealed record ApplicationInstancesQuery(
    string AppId,
    string GroupId,
    int? CurrentPage = null,
    int? PageSize = null,
    string? PipelineId = null,
    string? InstanceId = null);
