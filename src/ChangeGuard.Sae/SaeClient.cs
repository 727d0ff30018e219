using System.Globalization;
using ChangeGuard.Sae.Models;
using ChangeGuard.Sae.Wire;

namespace ChangeGuard.Sae;

/// <summary>
/// <see cref="ISaeClient"/> over SAE's HTTP API: each method names the operation and its query, and
/// <see cref="SaeRequestSender"/> does the signing, transport, retries and error mapping.
/// </summary>
public sealed class SaeClient(SaeRequestSender sender) : ISaeClient
{
    /// <inheritdoc />
    public Task<ChangeOrder> DescribeChangeOrderAsync(string regionId, string changeOrderId, CancellationToken cancellationToken = default)
    {
        Require(changeOrderId, nameof(changeOrderId));
        return sender.SendAsync<ChangeOrder>(regionId, SaeOperations.DescribeChangeOrder, [new("ChangeOrderId", changeOrderId)], cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChangeOrderPage> ListChangeOrdersAsync(string regionId, ListChangeOrdersQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Require(query.AppId, nameof(query.AppId));
        var parameters = new List<KeyValuePair<string, string>> { new("AppId", query.AppId) };
        Add(parameters, "CoStatus", query.Status is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : null);
        Add(parameters, "CoType", query.CoType);
        Add(parameters, "CurrentPage", query.CurrentPage);
        Add(parameters, "PageSize", query.PageSize);
        Add(parameters, "Key", query.Key);
        return sender.SendAsync<ChangeOrderPage>(regionId, SaeOperations.ListChangeOrders, parameters, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AbortedChangeOrder> AbortChangeOrderAsync(string regionId, string changeOrderId, bool? rollback, CancellationToken cancellationToken = default)
    {
        Require(changeOrderId, nameof(changeOrderId));
        var parameters = new List<KeyValuePair<string, string>> { new("ChangeOrderId", changeOrderId) };
        if (rollback is { } value)
        {
            parameters.Add(new("Rollback", value ? "true" : "false"));
        }

        var (data, requestId) = await sender.SendWithRequestIdAsync<AbortedChangeOrder>(
            regionId, SaeOperations.AbortChangeOrder, parameters, cancellationToken).ConfigureAwait(false);
        return data with { ChangeOrderId = data.ChangeOrderId ?? changeOrderId, RequestId = requestId };
    }

    /// <inheritdoc />
    public async Task<ConfirmedPipelineBatch> ConfirmPipelineBatchAsync(string regionId, string pipelineId, bool confirm, CancellationToken cancellationToken = default)
    {
        Require(pipelineId, nameof(pipelineId));
        var (data, requestId) = await sender.SendWithRequestIdAsync<ConfirmedPipelineBatch>(
            regionId, SaeOperations.ConfirmPipelineBatch, [new("PipelineId", pipelineId), new("Confirm", confirm ? "true" : "false")], cancellationToken).ConfigureAwait(false);
        return data with { PipelineId = data.PipelineId ?? pipelineId, RequestId = requestId };
    }

    /// <inheritdoc />
    public Task<Pipeline> DescribePipelineAsync(string regionId, string pipelineId, CancellationToken cancellationToken = default)
    {
        Require(pipelineId, nameof(pipelineId));
        return sender.SendAsync<Pipeline>(regionId, SaeOperations.DescribePipeline, [new("PipelineId", pipelineId)], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApplicationGroup>> DescribeApplicationGroupsAsync(string regionId, string appId, CancellationToken cancellationToken = default)
    {
        Require(appId, nameof(appId));
        return await sender.SendAsync<List<ApplicationGroup>>(
            regionId, SaeOperations.DescribeApplicationGroups, [new("AppId", appId)], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<InstancePage> DescribeApplicationInstancesAsync(string regionId, ApplicationInstancesQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Require(query.AppId, nameof(query.AppId));
        Require(query.GroupId, nameof(query.GroupId));
        var parameters = new List<KeyValuePair<string, string>> { new("AppId", query.AppId), new("GroupId", query.GroupId) };
        Add(parameters, "CurrentPage", query.CurrentPage);
        Add(parameters, "PageSize", query.PageSize);
        Add(parameters, "PipelineId", query.PipelineId);
        Add(parameters, "InstanceId", query.InstanceId);
        return sender.SendAsync<InstancePage>(regionId, SaeOperations.DescribeApplicationInstances, parameters, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApplicationPage> ListApplicationsAsync(string regionId, ListApplicationsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, string>>();
        Add(parameters, "NamespaceId", query.NamespaceId);
        Add(parameters, "AppName", query.AppName);
        Add(parameters, "CurrentPage", query.CurrentPage);
        Add(parameters, "PageSize", query.PageSize);
        return sender.SendAsync<ApplicationPage>(regionId, SaeOperations.ListApplications, parameters, cancellationToken);
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required and must not be blank.", name);
        }
    }

    private static void Add(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add(new(name, value));
        }
    }

    private static void Add(List<KeyValuePair<string, string>> parameters, string name, int? value)
    {
        if (value is { } number)
        {
            parameters.Add(new(name, number.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
