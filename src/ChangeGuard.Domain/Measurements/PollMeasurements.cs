namespace ChangeGuard.Domain.Measurements;

/// <summary>Everything one poll measured: SAE's snapshot (or why it could not be read) and each signal read, if any were due.</summary>
public sealed record PollMeasurements(SaeMeasurement Sae, IReadOnlyList<SignalMeasurement>? Signals = null);
