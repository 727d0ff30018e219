namespace ChangeGuard.Domain.Health;

/// <summary>What one poll concluded, with its reason and evidence.</summary>
/// <param name="Kind">The verdict.</param>
/// <param name="Reason">One sentence a person can act on.</param>
/// <param name="Critical">For a breach: abort at once, without waiting for <c>failureLimit</c>.</param>
/// <param name="Evidence">The signals behind it.</param>
public sealed record Verdict(VerdictKind Kind, string Reason, bool Critical, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>A verdict without evidence.</summary>
    public static Verdict Of(VerdictKind kind, string reason) => new(kind, reason, false, []);
}
