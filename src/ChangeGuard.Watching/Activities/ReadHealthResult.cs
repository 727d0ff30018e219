using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Watching.Activities;

/// <summary>What <see cref="ReadHealthActivity"/> measured of SAE this poll.</summary>
public sealed record ReadHealthResult(SaeMeasurement Measurement);
