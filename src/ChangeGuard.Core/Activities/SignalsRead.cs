using ChangeGuard.Core.Measurements;

namespace ChangeGuard.Core.Activities;

/// <summary>One poll's signal measurements, one per signal in the policy's order.</summary>
public sealed record SignalsRead(IReadOnlyList<SignalMeasurement> Measurements);
