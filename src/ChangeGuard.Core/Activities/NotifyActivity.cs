using ChangeGuard.Core.Notifications.Delivery;
using Microsoft.DurableTask;

namespace ChangeGuard.Core.Activities;

/// <summary>
/// Delivers one event to one channel with bounded retries and answers with data, never an exception for a channel's
/// failure. Safe to run twice: a redelivery in the same process does not post again, and the event id lets receivers
/// drop a duplicate from another process.
/// </summary>
[DurableTask(nameof(NotifyActivity))]
public sealed class NotifyActivity(NotificationDelivery delivery) : TaskActivity<NotifyRequest, NotifyOutcome>
{
    /// <inheritdoc />
    public override Task<NotifyOutcome> RunAsync(TaskActivityContext context, NotifyRequest input) => delivery.DeliverAsync(input);
}
