using ChangeGuard.Notifications.Delivery;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// Delivers one event to one channel with bounded retries and answers with data, never an exception for a channel's
/// failure. Safe to run twice: a redelivery in the same process does not post again, and the event id lets receivers
/// drop a duplicate from another process.
/// </summary>
[DurableTask(nameof(NotifyActivity))]
public sealed class NotifyActivity(NotificationDelivery delivery) : TaskActivity<NotifyRequest, NotifyResult>
{
    /// <inheritdoc />
    public override Task<NotifyResult> RunAsync(TaskActivityContext context, NotifyRequest input) => RunAsync(input);

    /// <summary>Delivers once; every host's activity calls this.</summary>
    public Task<NotifyResult> RunAsync(NotifyRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return delivery.DeliverAsync(input.Event, input.Channel);
    }
}
