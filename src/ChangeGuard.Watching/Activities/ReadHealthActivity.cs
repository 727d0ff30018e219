using ChangeGuard.Domain;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Sae.Quota;
using ChangeGuard.Watching.Planning;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// The activity a watch calls each poll: measures SAE (so running it twice is harmless) at the priority the assessor
/// planned, and asks the <see cref="PollPlanner"/> how long the call budget advises waiting before the next poll.
/// </summary>
[DurableTask(nameof(ReadHealthActivity))]
public sealed class ReadHealthActivity(HealthReader reader, PollPlanner planner) : TaskActivity<ReadHealthRequest, ReadHealthResult>
{
    /// <inheritdoc />
    public override Task<ReadHealthResult> RunAsync(TaskActivityContext context, ReadHealthRequest input) => RunAsync(input);

    /// <summary>Measures once; every host's activity calls this.</summary>
    public async Task<ReadHealthResult> RunAsync(ReadHealthRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var trace = ChangeGuardTelemetry.Source.StartActivity("changeguard.poll");
        trace?.SetTag("changeguard.change_order_id", input.ChangeOrderId);
        SaeMeasurement read;
        using (SaeCallScope.With(input.Elevated ? SaeCallPriority.Elevated : SaeCallPriority.Normal))
        {
            read = await reader.ReadAsync(input).ConfigureAwait(false);
        }

        if (read.Snapshot?.Order.Status.IsTerminal() == true || read.Error?.Class == ErrorClass.Permanent)
        {
            planner.Forget(input.ChangeOrderId);
            return new ReadHealthResult(read);
        }

        return new ReadHealthResult(read with { NextPollIn = planner.Advise(input.ChangeOrderId, input.PollInterval, input.Elevated, HealthReader.ExpectedCallsPerPoll(input)) });
    }
}
