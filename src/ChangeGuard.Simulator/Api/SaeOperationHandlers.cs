using System.Globalization;
using ChangeGuard.Domain;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Sae.Wire.Json;
using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Api;

/// <summary>
/// The SAE operations the simulator serves, each answering with SAE's field names, written out here by hand
/// (not shared with the client's records) so a mismatch between client and SAE shows up in tests.
/// </summary>
internal static class SaeOperationHandlers
{
    public delegate SaeAnswer Handler(SimulatedWorld world, QueryParameters query);

    public static IReadOnlyDictionary<string, (SaeOperation Operation, Handler Handle)> ByPath { get; } =
        new Dictionary<string, (SaeOperation, Handler)>(StringComparer.Ordinal)
        {
            [SaeOperations.DescribeChangeOrder.Path] = (SaeOperations.DescribeChangeOrder, DescribeChangeOrder),
            [SaeOperations.ListChangeOrders.Path] = (SaeOperations.ListChangeOrders, ListChangeOrders),
            [SaeOperations.AbortChangeOrder.Path] = (SaeOperations.AbortChangeOrder, AbortChangeOrder),
            [SaeOperations.ConfirmPipelineBatch.Path] = (SaeOperations.ConfirmPipelineBatch, ConfirmPipelineBatch),
            [SaeOperations.DescribePipeline.Path] = (SaeOperations.DescribePipeline, DescribePipeline),
            [SaeOperations.DescribeApplicationGroups.Path] = (SaeOperations.DescribeApplicationGroups, DescribeApplicationGroups),
            [SaeOperations.DescribeApplicationInstances.Path] = (SaeOperations.DescribeApplicationInstances, DescribeApplicationInstances),
            [SaeOperations.ListApplications.Path] = (SaeOperations.ListApplications, ListApplications),
        };

    private static SaeAnswer DescribeChangeOrder(SimulatedWorld world, QueryParameters query)
    {
        var id = query.Required("ChangeOrderId");
        return world.Read(view =>
        {
            var order = view.World.FindOrderUnlocked(id) ?? throw OrderNotFound(id);
            var snapshot = order.Snapshot(view.Now);
            var current = order.Plans[Math.Clamp(snapshot.CurrentBatch, 0, order.Plans.Count - 1)];
            return new SaeAnswer(new
            {
                order.ChangeOrderId,
                order.App.AppId,
                order.App.AppName,
                Status = (int)snapshot.Status,
                SubStatus = (int)snapshot.SubStatus,
                CoType = CoTypeText(order.Definition.CoTypeCode),
                order.Definition.CoTypeCode,
                CreateTime = SaeTimestampConverter.Format(order.CreatedAt),
                Description = order.Definition.Description ?? $"Deploy {order.Definition.Version}",
                ErrorMessage = snapshot.ErrorMessage,
                BatchCount = order.Plans.Count,
                BatchType = order.Definition.BatchType == BatchMode.Manual ? "manual" : "auto",
                Auto = order.Definition.BatchType == BatchMode.Auto,
                BatchWaitTime = (int)Math.Ceiling(order.Definition.BatchWaitSeconds / 60),
                CurrentPipelineId = current.PipelineId,
                SupportRollback = true,
                ApprovalId = string.Empty,
                Pipelines = order.Plans.Select(plan => PipelineSummary(order, plan, snapshot.Batches[plan.Index])).ToArray(),
            });
        });
    }

    private static SaeAnswer ListChangeOrders(SimulatedWorld world, QueryParameters query)
    {
        var appId = query.Required("AppId");
        var status = query.Optional("CoStatus") is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : throw Invalid("CoStatus")
            : (int?)null;
        var coType = query.Optional("CoType");
        var key = query.Optional("Key");
        var page = query.Int("CurrentPage", 1, 1, int.MaxValue);
        var size = query.Int("PageSize", 10, 1, 100);
        return world.Read(view =>
        {
            var app = view.World.FindAppUnlocked(appId) ?? throw AppNotFound(appId);
            var matches = app.Orders
                .Select(o => (Order: o, Snapshot: o.Snapshot(view.Now)))
                .Where(x => status is null || (int)x.Snapshot.Status == status)
                .Where(x => coType is null || string.Equals(x.Order.Definition.CoTypeCode, coType, StringComparison.Ordinal))
                .Where(x => key is null || (x.Order.Definition.Description ?? string.Empty).Contains(key, StringComparison.Ordinal))
                .Reverse()
                .ToList();
            var list = matches.Skip((page - 1) * size).Take(size).Select(x => new
            {
                x.Order.ChangeOrderId,
                AppId = appId,
                GroupId = app.GroupId,
                Status = (int)x.Snapshot.Status,
                CoType = CoTypeText(x.Order.Definition.CoTypeCode),
                x.Order.Definition.CoTypeCode,
                CreateTime = SaeTimestampConverter.Format(x.Order.CreatedAt),
                FinishTime = x.Snapshot.Status.IsTerminal() ? SaeTimestampConverter.Format(FinishedAt(x.Order, x.Snapshot)) : string.Empty,
                BatchCount = x.Order.Plans.Count,
                BatchType = x.Order.Definition.BatchType == BatchMode.Manual ? "manual" : "auto",
                Description = x.Order.Definition.Description ?? string.Empty,
                Source = "console",
                UserId = "1234567890",
                CreateUserId = "1234567890",
            }).ToArray();
            return new SaeAnswer(new { CurrentPage = page, PageSize = size, TotalSize = matches.Count, ChangeOrderList = list });
        });
    }

    private static SaeAnswer AbortChangeOrder(SimulatedWorld world, QueryParameters query)
    {
        var id = query.Required("ChangeOrderId");
        var rollback = query.Bool("Rollback") ?? false;
        var replacedBy = world.Abort(id, rollback);
        return new SaeAnswer(new { ChangeOrderId = id }, ReplacedBy: replacedBy);
    }

    private static SaeAnswer ConfirmPipelineBatch(SimulatedWorld world, QueryParameters query)
    {
        var id = query.Required("PipelineId");
        var confirm = query.Bool("Confirm") ?? throw new SimulatorError(400, SaeErrorCodes.ParameterNotEmpty, "The parameter {Confirm} cannot be empty.");
        world.ConfirmPipeline(id, confirm);
        return new SaeAnswer(new { PipelineId = id });
    }

    private static SaeAnswer DescribePipeline(SimulatedWorld world, QueryParameters query)
    {
        var id = query.Required("PipelineId");
        return world.Read(view =>
        {
            var (order, plan) = view.World.FindPipelineUnlocked(id)
                ?? throw new SimulatorError(400, SaeErrorCodes.ParameterObviously, $"The parameter {{PipelineId}} is invalid: '{id}' does not exist.");
            var snapshot = order.Snapshot(view.Now);
            var batch = snapshot.Batches[plan.Index];
            var failed = batch.Status == ChangeOrderStatus.Failed;
            var stageId = $"{plan.PipelineId}-stage-1";
            var next = plan.Index + 1 < order.Plans.Count ? order.Plans[plan.Index + 1].PipelineId : string.Empty;
            return new SaeAnswer(new
            {
                plan.PipelineId,
                PipelineName = BatchName(plan),
                PipelineStatus = (int)batch.Status,
                CoStatus = StatusText(batch.Status),
                CurrentStageId = stageId,
                NextPipelineId = next,
                ShowBatch = snapshot.Status == ChangeOrderStatus.WaitingForBatchConfirmation && snapshot.CurrentBatch == plan.Index + 1,
                StageList = new[]
                {
                    new
                    {
                        StageId = stageId,
                        StageName = "Deploy instances",
                        Status = (int)batch.Status,
                        ExecutorType = 0,
                        TaskList = new[]
                        {
                            new
                            {
                                TaskId = $"{stageId}-task-1",
                                TaskName = "Update instances",
                                StageId = stageId,
                                Status = (int)batch.Status,
                                Message = StatusText(batch.Status),
                                ErrorCode = failed ? plan.Definition.FailureCode : string.Empty,
                                ErrorMessage = failed ? plan.Definition.FailureMessage : string.Empty,
                                ErrorIgnore = 0,
                                ShowManualIgnore = false,
                            },
                        },
                    },
                },
            });
        });
    }

    private static SaeAnswer DescribeApplicationGroups(SimulatedWorld world, QueryParameters query)
    {
        var appId = query.Required("AppId");
        return world.Read(view =>
        {
            var app = view.World.FindAppUnlocked(appId) ?? throw AppNotFound(appId);
            var instances = AppInstances(app, view.Now);
            var version = app.VersionBefore(null, view.Now);
            return new SaeAnswer(new[]
            {
                new
                {
                    app.GroupId,
                    GroupName = "_DEFAULT_GROUP",
                    GroupType = 0,
                    Replicas = app.Definition.Replicas,
                    RunningInstances = instances.Count(i => i.ContainerStatus == "Running"),
                    PackageVersion = version,
                    ImageUrl = $"registry.{app.Definition.RegionId}.aliyuncs.com/demo/{app.AppName}:{version}",
                    PackageVersionId = $"{app.AppId}-{version}",
                },
            });
        });
    }

    private static SaeAnswer DescribeApplicationInstances(SimulatedWorld world, QueryParameters query)
    {
        var appId = query.Required("AppId");
        var groupId = query.Required("GroupId");
        var pipelineId = query.Optional("PipelineId");
        var instanceId = query.Optional("InstanceId");
        var page = query.Int("CurrentPage", 1, 1, int.MaxValue);
        var size = query.Int("PageSize", 10, 1, 100);
        return world.Read(view =>
        {
            var app = view.World.FindAppUnlocked(appId) ?? throw AppNotFound(appId);
            if (!string.Equals(app.GroupId, groupId, StringComparison.Ordinal))
            {
                throw new SimulatorError(400, SaeErrorCodes.ParameterObviously, "The parameter {GroupId} is invalid.");
            }

            var all = AppInstances(app, view.Now)
                .Where(i => pipelineId is null || i.PipelineId == pipelineId)
                .Where(i => instanceId is null || i.InstanceId == instanceId)
                .ToList();
            var pageItems = all.Skip((page - 1) * size).Take(size).Select(i => new
            {
                i.InstanceId,
                GroupId = groupId,
                VSwitchId = "vsw-simulated",
                InstanceContainerStatus = i.ContainerStatus,
                MainContainerStatus = i.ContainerStatus,
                InstanceHealthStatus = i.HealthStatus,
                UnhealthyMessage = i.UnhealthyMessage ?? string.Empty,
                InstanceContainerRestarts = i.Restarts,
                InstanceContainerIp = $"10.0.{i.Slot / 250}.{(i.Slot % 250) + 2}",
                ImageUrl = $"registry.{app.Definition.RegionId}.aliyuncs.com/demo/{app.AppName}:{i.Version}",
                PackageVersion = i.Version,
                CreateTimeStamp = i.CreatedAt.ToUnixTimeMilliseconds(),
                Timestamp = view.Now.ToUnixTimeMilliseconds(),
                TrafficStatus = i.HealthStatus == "Healthy" ? "Normal" : "Abnormal",
                DebugStatus = false,
            }).ToArray();
            return new SaeAnswer(new { CurrentPage = page, PageSize = size, TotalSize = all.Count, Instances = pageItems });
        });
    }

    private static SaeAnswer ListApplications(SimulatedWorld world, QueryParameters query)
    {
        var namespaceId = query.Optional("NamespaceId");
        var appName = query.Optional("AppName");
        var page = query.Int("CurrentPage", 1, 1, int.MaxValue);
        var size = query.Int("PageSize", 10, 0, 10_000);
        if (size == 0)
        {
            size = 10;
        }

        return world.Read(view =>
        {
            var apps = view.World.AppsUnlocked
                .Where(a => namespaceId is null || a.NamespaceId == namespaceId)
                .Where(a => appName is null || a.AppName == appName)
                .OrderBy(a => a.AppId, StringComparer.Ordinal)
                .ToList();
            var items = apps.Skip((page - 1) * size).Take(size).Select(a => new
            {
                a.AppId,
                a.AppName,
                AppDescription = string.Empty,
                AppType = "Image",
                a.NamespaceId,
                NamespaceName = a.NamespaceId[(a.NamespaceId.IndexOf(':', StringComparison.Ordinal) + 1)..],
                a.Definition.RegionId,
                Instances = a.Definition.Replicas,
                RunningInstances = AppInstances(a, view.Now).Count(i => i.ContainerStatus == "Running"),
                Cpu = 1000,
                Mem = 2048,
            }).ToArray();
            var paging = new Paging(page, size, apps.Count);
            return new SaeAnswer(new { paging.CurrentPage, paging.PageSize, paging.TotalSize, Applications = items }, paging);
        });
    }

    private static IReadOnlyList<InstanceState> AppInstances(SimulatedApp app, DateTimeOffset now) => app.Instances(now);

    private static object PipelineSummary(SimulatedChangeOrder order, BatchPlan plan, BatchSnapshot batch) => new
    {
        plan.PipelineId,
        PipelineName = BatchName(plan),
        Status = (int)batch.Status,
        StartTime = batch.StartedAt is { } s ? order.RealTime(s).ToUnixTimeMilliseconds() : 0L,
        UpdateTime = batch.ChangedAt is { } c ? order.RealTime(c).ToUnixTimeMilliseconds() : 0L,
        BatchType = order.Definition.BatchType == BatchMode.Manual ? 1 : 0,
        ParallelCount = Math.Max(1, plan.SlotCount),
    };

    private static DateTimeOffset FinishedAt(SimulatedChangeOrder order, OrderSnapshot snapshot) =>
        order.RealTime(snapshot.Batches.Max(b => b.ChangedAt ?? 0));

    private static string BatchName(BatchPlan plan) => $"Batch {plan.Index + 1}";

    private static string CoTypeText(string code) => code switch
    {
        "CoDeploy" => "Deploy Application",
        "CoRollback" => "Rollback Application",
        "CoRestartApplication" => "Restart Application",
        "CoScaleOut" => "Scale Out",
        "CoScaleIn" => "Scale In",
        _ => code,
    };

    private static string StatusText(ChangeOrderStatus status) => status switch
    {
        ChangeOrderStatus.Preparing => "Ready",
        ChangeOrderStatus.Executing => "Executing",
        ChangeOrderStatus.Succeeded => "Execution succeeded",
        ChangeOrderStatus.Failed => "Execution failed",
        ChangeOrderStatus.Aborted => "Terminated",
        _ => status.ToString(),
    };

    private static SimulatorError OrderNotFound(string id) =>
        new(400, SaeErrorCodes.ChangeOrderNotFound, $"The change order '{id}' does not exist.");

    private static SimulatorError AppNotFound(string appId) =>
        new(404, SaeErrorCodes.AppIdNotFound, $"The specified AppId '{appId}' does not exist.");

    private static SimulatorError Invalid(string name) =>
        new(400, SaeErrorCodes.ParameterObviously, $"The parameter {{{name}}} is invalid.");
}
