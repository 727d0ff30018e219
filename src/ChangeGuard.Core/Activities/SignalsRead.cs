using ChangeGuard.Core.Signals;

namespace ChangeGuard.Core.Activities;

/// <summary>One poll's signal readings, one per signal in the policy's order.</summary>
public sealed record SignalsRead(IReadOnlyList<SignalReading> Readings);
