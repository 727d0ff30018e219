namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// The values one poll judged, in the order of <see cref="JudgedMeasure.For"/>: null where the poll did not measure
/// that value (instances not read, a signal not due, no data, an error, a value that is not finite).
/// </summary>
/// <param name="At">When the poll was assessed.</param>
/// <param name="Poll">The poll's number.</param>
/// <param name="Values">One value per measure.</param>
public sealed record PollSample(DateTimeOffset At, int Poll, IReadOnlyList<double?> Values);
