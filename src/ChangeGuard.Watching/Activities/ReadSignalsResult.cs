using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Watching.Activities;

/// <summary>One poll's signal measurements, one per signal in the policy's order.</summary>
public sealed record ReadSignalsResult(IReadOnlyList<SignalMeasurement> Measured);
