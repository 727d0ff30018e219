using ChangeGuard.Sae.Configuration;
using ChangeGuard.Testing.Options;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Planning;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>
/// What the <see cref="PollPlanner"/>'s math alone predicts for a round, as if the engine added no delay: the real
/// planner is asked for the intervals of the healthy (normal) and bad (elevated, their batch just started) watches,
/// and a bad watch polling at its elevated interval from its start aborts at the <c>failureLimit</c>-th poll that
/// sees the fault.
/// </summary>
public static class PlannerPrediction
{
    /// <summary>The steady intervals the planner advises to normal and elevated watches, real time.</summary>
    public static (TimeSpan Normal, TimeSpan Elevated) Intervals(int healthy, int bad)
    {
        var options = new SaeClientOptions();
        options.Budget.CallsPerMinute = BudgetScale.BudgetPerMinute;
        var planner = new PollPlanner(new StaticOptionsMonitor<SaeClientOptions>(options), TimeProvider.System);
        var normal = BudgetScale.PollInterval;
        var elevated = BudgetScale.PollInterval;

        // Twice, so every answer of the second pass counts every watch's demand.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < healthy; i++)
            {
                normal = planner.Advise(BudgetScenario.HealthyOrder(i), BudgetScale.PollInterval, elevated: false, callsPerPoll: HealthReader.SteadyCallsPerPoll);
            }

            for (var i = 0; i < bad; i++)
            {
                elevated = planner.Advise(BudgetScenario.BadOrder(i), BudgetScale.PollInterval, elevated: true, callsPerPoll: HealthReader.SteadyCallsPerPoll);
            }
        }

        return (normal, elevated);
    }

    /// <summary>From the fault to the abort for a watch that polls every <paramref name="interval"/> from its start.</summary>
    public static TimeSpan Latency(TimeSpan interval, TimeSpan faultAfterStart)
    {
        var firstSeeing = Math.Floor(faultAfterStart / interval) + 1;
        return (interval * (firstSeeing + BudgetScale.FailureLimit - 1)) - faultAfterStart;
    }
}
