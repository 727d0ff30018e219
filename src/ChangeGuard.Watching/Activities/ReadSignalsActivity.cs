using ChangeGuard.Signals;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// The activity a watch with signals calls each poll: queries Prometheus and calls probes (reads only, so running it
/// twice is harmless) and returns the measurements as data, so the orchestration stays deterministic.
/// </summary>
[DurableTask(nameof(ReadSignalsActivity))]
public sealed class ReadSignalsActivity(SignalReader reader) : TaskActivity<ReadSignalsRequest, ReadSignalsResult>
{
    /// <inheritdoc />
    public override Task<ReadSignalsResult> RunAsync(TaskActivityContext context, ReadSignalsRequest input) => RunAsync(input);

    /// <summary>Measures every signal once; every host's activity calls this.</summary>
    public async Task<ReadSignalsResult> RunAsync(ReadSignalsRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ReadSignalsResult(await reader.ReadAsync(input.Context, input.Signals).ConfigureAwait(false));
    }
}
