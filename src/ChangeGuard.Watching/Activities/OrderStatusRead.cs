using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain;

namespace ChangeGuard.Watching.Activities;

/// <summary>An order's status, or why it could not be read.</summary>
public sealed record OrderStatusRead(ChangeOrderStatus? Status, SaeFailure? Failure);
