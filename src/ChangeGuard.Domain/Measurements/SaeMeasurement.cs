using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Measurements;

/// <summary>
/// One poll of SAE: the change order's health snapshot, or why it could not be read; the group id to cache, the SAE
/// calls made, and how long the call budget advises waiting before the next poll.
/// </summary>
public sealed record SaeMeasurement(HealthSnapshot? Snapshot, MeasurementError? Error, string? GroupId, int SaeCalls, TimeSpan? NextPollIn = null);
