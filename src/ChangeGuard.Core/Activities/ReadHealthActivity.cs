using Microsoft.DurableTask;

namespace ChangeGuard.Core.Activities;

/// <summary>The activity a watch calls each poll: reads SAE only, so running it twice is harmless.</summary>
[DurableTask(nameof(ReadHealthActivity))]
public sealed class ReadHealthActivity(HealthReader reader) : TaskActivity<ReadHealthRequest, HealthRead>
{
    /// <inheritdoc />
    public override Task<HealthRead> RunAsync(TaskActivityContext context, ReadHealthRequest input) => reader.ReadAsync(input);
}
