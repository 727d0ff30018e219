using ChangeGuard.Domain;
using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Watching.Activities;

/// <summary>An order's status, or why it could not be read.</summary>
public sealed record ConfirmAbortResult(ChangeOrderStatus? Status, SaeFailure? Failure);
