using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Watching;

/// <summary>
/// What a watch starting now would conclude at its first poll, without starting one: the order it would watch, the
/// effective policy, what it measured and the assessor's decision; or the errors naming what is wrong with the request.
/// </summary>
/// <param name="Target">The order.</param>
/// <param name="Policy">The configured default policy with the request's fields over it.</param>
/// <param name="Measurement">SAE's snapshot of the order, or why it could not be read.</param>
/// <param name="Assessment">The decision: the verdicts, what a watch would do, the next poll.</param>
/// <param name="Errors">What is wrong with the request; empty when the preview was made.</param>
public sealed record WatchPreview(
    WatchTarget? Target,
    WatchPolicy? Policy,
    SaeMeasurement? Measurement,
    PollAssessment? Assessment,
    IReadOnlyList<ValidationError> Errors)
{
    /// <summary>A request that cannot be previewed.</summary>
    public static WatchPreview Invalid(IReadOnlyList<ValidationError> errors) => new(null, null, null, null, errors);
}
