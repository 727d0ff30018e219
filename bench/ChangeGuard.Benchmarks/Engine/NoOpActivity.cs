using Microsoft.DurableTask;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>The bare loop's activity: does nothing but note how late it started against the poll it serves.</summary>
[DurableTask(nameof(NoOpActivity))]
public sealed class NoOpActivity(BarePollRecorder recorder) : TaskActivity<DateTime, bool>
{
    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, DateTime input)
    {
        recorder.Record(DateTime.UtcNow - DateTime.SpecifyKind(input, DateTimeKind.Utc));
        return Task.FromResult(true);
    }
}
