namespace ChangeGuard.Domain.Policies;

/// <summary>
/// When a manual release (SAE status 8: a batch waits for a person to confirm the next) is moved forward by
/// ChangeGuard instead: after the finished batch has stayed healthy for <see cref="BakeTime"/> and
/// <see cref="MinHealthyPolls"/> polls in a row, as Argo Rollouts' analysis-gated pauses and Flagger's
/// confirm-promotion gates do. Off by default: confirming changes the release, so a team asks for it.
/// </summary>
public sealed record PromotePolicy
{
    /// <summary>Whether ChangeGuard confirms healthy batches (<see cref="PolicyFields.PromoteEnabled"/>).</summary>
    public bool Enabled { get; init; }

    /// <summary>How long the finished batch must stay healthy before the next is confirmed (<see cref="PolicyFields.PromoteBakeTime"/>).</summary>
    public TimeSpan BakeTime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Healthy polls in a row the bake needs as well (<see cref="PolicyFields.PromoteMinHealthyPolls"/>).</summary>
    public int MinHealthyPolls { get; init; } = 3;

    /// <summary>
    /// Whether every signal must have passed on a poll for it to count toward the bake; false lets a signal without data
    /// count (a breach or read error never does) (<see cref="PolicyFields.PromoteRequireSignalData"/>).
    /// </summary>
    public bool RequireSignalData { get; init; } = true;

    /// <summary>
    /// The last batch ChangeGuard may start: 0 every batch, a positive number that batch and those before it, a negative
    /// number all but that many final batches (-1 leaves the final batch to a person) (<see cref="PolicyFields.PromoteLastBatch"/>).
    /// </summary>
    public int LastBatch { get; init; }

    /// <summary>Whether batch <paramref name="batch"/> (1-based) of <paramref name="batchCount"/> may be started by ChangeGuard.</summary>
    public bool Allows(int batch, int batchCount) => LastBatch switch
    {
        0 => true,
        > 0 => batch <= LastBatch,
        _ => batch <= batchCount + LastBatch,
    };
}
