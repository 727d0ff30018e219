namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// The judged values of a watch's last polls against their thresholds, small enough for the orchestration's custom
/// status: the measures once, then one row of numbers per poll.
/// </summary>
/// <param name="Measures">What each value of a sample is.</param>
/// <param name="Samples">The last polls' values, oldest first.</param>
public sealed record ValueChart(IReadOnlyList<JudgedMeasure> Measures, IReadOnlyList<PollSample> Samples);
