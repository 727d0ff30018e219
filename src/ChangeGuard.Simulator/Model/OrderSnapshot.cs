using ChangeGuard.Domain;

namespace ChangeGuard.Simulator.Model;

/// <summary>A change order's state at one scenario second, as the timeline computes it.</summary>
internal sealed record OrderSnapshot(
    ChangeOrderStatus Status,
    ChangeOrderSubStatus SubStatus,
    int CurrentBatch,
    IReadOnlyList<BatchSnapshot> Batches,
    string? ErrorMessage);

/// <summary>One batch's state: its status and, once started, the scenario second it started.</summary>
internal sealed record BatchSnapshot(ChangeOrderStatus Status, double? StartedAt, double? ChangedAt);
