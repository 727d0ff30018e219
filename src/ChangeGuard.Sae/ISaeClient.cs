using ChangeGuard.Sae.Models;

namespace ChangeGuard.Sae;

/// <summary>
/// The SAE 2019-05-06 operations ChangeGuard needs. Every call names its region, because SAE picks the region by
/// host and one guard watches several. Failures throw <see cref="Errors.SaeException"/> with a closed
/// <see cref="Errors.SaeErrorKind"/>; a host could put Alibaba's official SDK behind this interface instead.
/// </summary>
public interface ISaeClient
{
    /// <summary>DescribeChangeOrder: one change order and its batches.</summary>
    Task<ChangeOrder> DescribeChangeOrderAsync(string regionId, string changeOrderId, CancellationToken cancellationToken = default);

    /// <summary>ListChangeOrders: one page of an app's change orders.</summary>
    Task<ChangeOrderPage> ListChangeOrdersAsync(string regionId, ListChangeOrdersQuery query, CancellationToken cancellationToken = default);

    /// <summary>AbortChangeOrder: stops a running order; <paramref name="rollback"/> also rolls it back. Never retried here.</summary>
    Task<AbortedChangeOrder> AbortChangeOrderAsync(string regionId, string changeOrderId, bool? rollback, CancellationToken cancellationToken = default);

    /// <summary>
    /// ConfirmPipelineBatch: starts the waiting batch <paramref name="pipelineId"/> of a manual release (status 8), or with
    /// <paramref name="confirm"/> false ends the release. A GET that changes state; never retried here.
    /// </summary>
    Task<ConfirmedPipelineBatch> ConfirmPipelineBatchAsync(string regionId, string pipelineId, bool confirm, CancellationToken cancellationToken = default);

    /// <summary>DescribePipeline: one batch with its stages and tasks.</summary>
    Task<Pipeline> DescribePipelineAsync(string regionId, string pipelineId, CancellationToken cancellationToken = default);

    /// <summary>DescribeApplicationGroups: an app's instance groups.</summary>
    Task<IReadOnlyList<ApplicationGroup>> DescribeApplicationGroupsAsync(string regionId, string appId, CancellationToken cancellationToken = default);

    /// <summary>DescribeApplicationInstances: one page of a group's instances.</summary>
    Task<InstancePage> DescribeApplicationInstancesAsync(string regionId, ApplicationInstancesQuery query, CancellationToken cancellationToken = default);

    /// <summary>ListApplications: one page of applications.</summary>
    Task<ApplicationPage> ListApplicationsAsync(string regionId, ListApplicationsQuery query, CancellationToken cancellationToken = default);
}
