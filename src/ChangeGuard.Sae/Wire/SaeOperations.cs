namespace ChangeGuard.Sae.Wire;

/// <summary>The SAE 2019-05-06 operations ChangeGuard uses, with SAE's own methods and paths.</summary>
public static class SaeOperations
{
    /// <summary>The API version sent as <c>x-acs-version</c>.</summary>
    public const string Version = "2019-05-06";

    /// <summary>Reads one change order with its batches.</summary>
    public static readonly SaeOperation DescribeChangeOrder =
        new("DescribeChangeOrder", HttpMethod.Get, "/pop/v1/sam/changeorder/DescribeChangeOrder", IsRead: true, "ChangeOrderId", "Status");

    /// <summary>Lists an app's change orders.</summary>
    public static readonly SaeOperation ListChangeOrders =
        new("ListChangeOrders", HttpMethod.Get, "/pop/v1/sam/changeorder/ListChangeOrders", IsRead: true, "ChangeOrderList");

    /// <summary>Stops a running change order, optionally rolling it back.</summary>
    public static readonly SaeOperation AbortChangeOrder =
        new("AbortChangeOrder", HttpMethod.Put, "/pop/v1/sam/changeorder/AbortChangeOrder", IsRead: false);

    /// <summary>
    /// Starts the next batch of a manual release waiting for confirmation (status 8), or ends the release. A GET although
    /// it changes state, so never retried by the client: the watch decides after reading the order again.
    /// </summary>
    public static readonly SaeOperation ConfirmPipelineBatch =
        new("ConfirmPipelineBatch", HttpMethod.Get, "/pop/v1/sam/changeorder/ConfirmPipelineBatch", IsRead: false);

    /// <summary>Reads one batch with its stages and tasks.</summary>
    public static readonly SaeOperation DescribePipeline =
        new("DescribePipeline", HttpMethod.Get, "/pop/v1/sam/changeorder/DescribePipeline", IsRead: true, "PipelineId", "PipelineStatus");


    /// <summary>Lists an app's instance groups.</summary>
    public static readonly SaeOperation DescribeApplicationGroups =
        new("DescribeApplicationGroups", HttpMethod.Get, "/pop/v1/sam/app/describeApplicationGroups", IsRead: true);

    /// <summary>Lists a group's instances, one page at a time.</summary>
    public static readonly SaeOperation DescribeApplicationInstances =
        new("DescribeApplicationInstances", HttpMethod.Get, "/pop/v1/sam/app/describeApplicationInstances", IsRead: true, "Instances");

    /// <summary>Lists applications, by namespace or other filters.</summary>
    public static readonly SaeOperation ListApplications =
        new("ListApplications", HttpMethod.Get, "/pop/v1/sam/app/listApplications", IsRead: true, "Applications");

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<SaeOperation> All { get; } =
    [
        DescribeChangeOrder, ListChangeOrders, AbortChangeOrder, ConfirmPipelineBatch, DescribePipeline,
        DescribeApplicationGroups, DescribeApplicationInstances, ListApplications,
    ];
}
