using ChangeGuard.Core.Measurements;
using ChangeGuard.Sae.Models.ChangeOrders;

namespace ChangeGuard.Core.Activities;

/// <summary>An order's status, or why it could not be read.</summary>
public sealed record OrderStatusRead(ChangeOrderStatus? Status, SaeFailure? Failure);
