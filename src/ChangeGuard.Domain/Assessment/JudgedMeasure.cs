using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// One value the assessor judges every poll, with the threshold it is judged against: what a chart of a watch plots.
/// The instance signal gives two (the worst batch's unavailable ratio, the most restarts since the watch started), each
/// policy signal one (a query's worst series; a probe as 1 passed, 0 failed). A null threshold means pass or fail.
/// </summary>
/// <param name="Name">The measure: <c>unavailableRatio</c>, <c>restarts</c> or the signal's name.</param>
/// <param name="Threshold">The threshold, when the measure is compared with one.</param>
/// <param name="Comparison">How a healthy value compares with the threshold.</param>
public sealed record JudgedMeasure(string Name, double? Threshold, SignalComparison Comparison)
{
    /// <summary>The instance signal's unavailable ratio.</summary>
    public const string UnavailableRatio = "unavailableRatio";

    /// <summary>The instance signal's restarts.</summary>
    public const string Restarts = "restarts";

    /// <summary>The measures of a policy, in the order of each <see cref="PollSample.Values"/>.</summary>
    public static IReadOnlyList<JudgedMeasure> For(WatchPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return
        [
            new(UnavailableRatio, policy.MaxUnavailableRatio, SignalComparison.AtMost),
            new(Restarts, policy.MaxRestarts, SignalComparison.AtMost),
            .. policy.Signals.Select(s => s.Prometheus is { } query
                ? new JudgedMeasure(s.Name, query.Threshold, query.Comparison)
                : new JudgedMeasure(s.Name, null, SignalComparison.AtLeast)),
        ];
    }
}
