using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// The assessor's verdict on one signal in one poll: the outcome, a sentence a person can act on, the evidence
/// (observed value and threshold), for an error its class, and the judged value for charts (a query's worst series, a
/// probe's 1 passed or 0 failed).
/// </summary>
public sealed record SignalVerdict(string Name, SignalOutcome Outcome, string Detail, Evidence? Evidence = null, ErrorClass? ErrorClass = null, double? Value = null);
