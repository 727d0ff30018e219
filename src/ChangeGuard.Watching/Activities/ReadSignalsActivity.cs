using ChangeGuard.Domain.Signals;
using ChangeGuard.Signals;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// The activity a watch with signals calls each poll: queries Prometheus and calls probes (reads only, so running it
/// twice is harmless) and returns the measurements as data, so the orchestration stays deterministic.
/// </summary>
[DurableTask(nameof(ReadSignalsActivity))]
public sealed class ReadSignalsActivity(SignalReader reader) : TaskActivity<ReadSignalsRequest, SignalsRead>
{
    /// <inheritdoc />
    public override async Task<SignalsRead> RunAsync(TaskActivityContext context, ReadSignalsRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SignalsRead(await reader.ReadAsync(input.Context, input.Signals).ConfigureAwait(false));
    }
}
