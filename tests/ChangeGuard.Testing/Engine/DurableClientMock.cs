using System.Text.Json;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;

namespace ChangeGuard.Testing.Engine;

/// <summary>
/// A Moq'd <see cref="DurableTaskClient"/> holding at most one watch instance, for branch tests of the watch API and of
/// the hosts' adapters (which get a client handed in).
/// </summary>
public sealed class DurableClientMock
{
    public DurableClientMock()
    {
        Mock = new Mock<DurableTaskClient>("test");
        Mock.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => Instance?.InstanceId == id ? Instance : null);
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                Scheduled.Add((name.Name, (WatchInput)input!, options!));
                Instance = Metadata(options!.InstanceId!, OrchestrationRuntimeStatus.Pending, (WatchInput)input!);
            })
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
        Mock.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback((string id, string name, object? payload, CancellationToken _) => Raised.Add((id, name, (ManualCommand)payload!)))
            .Returns(Task.CompletedTask);
        Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns((OrchestrationQuery? query) => Pageable.Create((string? token, int? size, CancellationToken _) =>
            {
                Queries.Add(query);
                IReadOnlyList<OrchestrationMetadata> values = Instance is null ? [] : [Instance];
                return Task.FromResult(new Page<OrchestrationMetadata>(values, null));
            }));
    }

    public Mock<DurableTaskClient> Mock { get; }

    public DurableTaskClient Object => Mock.Object;

    public OrchestrationMetadata? Instance { get; set; }

    public List<(string Name, WatchInput Input, StartOrchestrationOptions Options)> Scheduled { get; } = [];

    public List<(string InstanceId, string EventName, ManualCommand Command)> Raised { get; } = [];

    public List<OrchestrationQuery?> Queries { get; } = [];

    /// <summary>Puts a watch of <paramref name="changeOrderId"/> in the given state.</summary>
    public DurableClientMock With(string changeOrderId, OrchestrationRuntimeStatus status, WatchResult? output = null, WatchProgress? progress = null)
    {
        Instance = Metadata($"watch-{changeOrderId}", status,
            new WatchInput(new WatchTarget("cn-hangzhou", "app-1", changeOrderId), ChangeGuard.Domain.Policies.WatchPolicy.Default, "earlier"), output, progress);
        return this;
    }

    public static OrchestrationMetadata Metadata(string instanceId, OrchestrationRuntimeStatus status, WatchInput input, WatchResult? output = null, WatchProgress? progress = null) =>
        new(nameof(WatchOrchestrator), instanceId)
        {
            RuntimeStatus = status,
            SerializedInput = JsonSerializer.Serialize(input),
            SerializedOutput = output is null ? null : JsonSerializer.Serialize(output),
            SerializedCustomStatus = progress is null ? null : JsonSerializer.Serialize(progress),
            DataConverter = JsonDataConverter.Default,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = DateTimeOffset.UnixEpoch,
        };
}
