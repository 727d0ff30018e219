using System.Text.Json;
using ChangeGuard.Core.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;

namespace ChangeGuard.Core.Tests.Watching;

/// <summary>A Moq'd <see cref="DurableTaskClient"/> holding at most one instance, for watch API branch tests.</summary>
internal sealed class DurableClientMock
{
    public DurableClientMock()
    {
        Mock = new Mock<DurableTaskClient>("test");
        Mock.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Instance);
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
    }

    public Mock<DurableTaskClient> Mock { get; }

    public DurableTaskClient Object => Mock.Object;

    public OrchestrationMetadata? Instance { get; set; }

    public List<(string Name, WatchInput Input, StartOrchestrationOptions Options)> Scheduled { get; } = [];

    public List<(string InstanceId, string EventName, ManualCommand Command)> Raised { get; } = [];

    public static OrchestrationMetadata Metadata(string instanceId, OrchestrationRuntimeStatus status, WatchInput input, WatchResult? output = null) =>
        new(nameof(WatchOrchestrator), instanceId)
        {
            RuntimeStatus = status,
            SerializedInput = JsonSerializer.Serialize(input),
            SerializedOutput = output is null ? null : JsonSerializer.Serialize(output),
            DataConverter = JsonDataConverter.Default,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = DateTimeOffset.UnixEpoch,
        };
}
