namespace ChangeGuard.Benchmarks.Budget;

/// <summary>
/// The budget suite plays SAE's minute ten times faster, as the end-to-end budget test does: every rate and interval
/// keeps its production ratio, and figures are scaled back to production-equivalent seconds and minutes.
/// </summary>
public static class BudgetScale
{
    /// <summary>Scenario seconds per real second.</summary>
    public const double TimeScale = 10;

    /// <summary>The simulator's account-wide limit per real minute (SAE's 60 a minute, scaled).</summary>
    public const int SimulatorLimitPerMinute = 600;

    /// <summary>ChangeGuard's call budget per real minute (the default 50 a minute, scaled).</summary>
    public const int BudgetPerMinute = 500;

    /// <summary>The requested poll interval, real (the default 15 s, scaled).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1.5);

    /// <summary>Breaching polls in a row before an abort (the default).</summary>
    public const int FailureLimit = 2;

    /// <summary>What every production-equivalent figure of the suite means.</summary>
    public const string Label = "scaled 10x: budget 50/min, poll 15s, SAE limit 60/min";

    /// <summary>A measured (real) duration in production-equivalent seconds.</summary>
    public static double ProductionSeconds(TimeSpan measured) => measured.TotalSeconds * TimeScale;

    /// <summary>A measured rate per real minute as calls per production minute.</summary>
    public static double ProductionPerMinute(double perRealMinute) => perRealMinute / TimeScale;
}
