using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Orchestration;

/// <summary>
/// Durable timers that do not fire before their time. Azure Storage, Durable's store in Azure, hides a timer's queue
/// message for whole seconds only, so a wait under a second fires at once and a longer one up to a second early: with
/// a one-second poll interval a watch would call SAE back to back. A timer that fired early waits again, at least
/// <see cref="Rewait"/> ahead (which the queue cannot round down to nothing), at most <see cref="MaxRewaits"/> times.
/// </summary>
internal static class PunctualTimer
{
    /// <summary>How early a timer may fire and still count as on time (clocks of two hosts differ a little).</summary>
    internal static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(250);

    /// <summary>The shortest wait after an early fire: two seconds, which the store keeps as at least one.</summary>
    internal static readonly TimeSpan Rewait = TimeSpan.FromSeconds(2);

    /// <summary>How many times an early timer waits again before the orchestration goes on regardless.</summary>
    internal const int MaxRewaits = 3;

    /// <summary>Waits until <paramref name="fireAt"/> (UTC) by the orchestration's clock, or until cancelled.</summary>
    public static async Task WaitUntilAsync(TaskOrchestrationContext context, DateTime fireAt, CancellationToken cancellation)
    {
        await context.CreateTimer(fireAt, cancellation);
        for (var rewaits = 0; rewaits < MaxRewaits && !cancellation.IsCancellationRequested && context.CurrentUtcDateTime < fireAt - Tolerance; rewaits++)
        {
            var next = context.CurrentUtcDateTime + Rewait;
            await context.CreateTimer(next > fireAt ? next : fireAt, cancellation);
        }
    }
}
