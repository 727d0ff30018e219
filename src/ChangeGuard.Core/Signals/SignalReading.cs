using ChangeGuard.Core.Health;

namespace ChangeGuard.Core.Signals;

/// <summary>
/// One signal's result in one poll, as data: the outcome, a sentence a person can act on, and for a measured value
/// the evidence (observed value and threshold). Never holds a credential.
/// </summary>
public sealed record SignalReading(string Name, SignalOutcome Outcome, string Detail, Evidence? Evidence = null)
{
    /// <summary>A reading of a source that could not be read or judged.</summary>
    public static SignalReading Error(string name, string detail) => new(name, SignalOutcome.Error, detail);
}
