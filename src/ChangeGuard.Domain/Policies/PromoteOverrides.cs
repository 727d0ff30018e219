namespace ChangeGuard.Domain.Policies;

/// <summary>
/// A request's <c>promote</c> section: each field null keeps the configured value. A section given without
/// <see cref="Enabled"/> turns promotion on: asking for a bake time is asking to be promoted.
/// </summary>
public sealed record PromoteOverrides
{
    /// <summary>See <see cref="PromotePolicy.Enabled"/>.</summary>
    public bool? Enabled { get; init; }

    /// <summary>See <see cref="PromotePolicy.BakeTime"/>.</summary>
    public TimeSpan? BakeTime { get; init; }

    /// <summary>See <see cref="PromotePolicy.MinHealthyPolls"/>.</summary>
    public int? MinHealthyPolls { get; init; }

    /// <summary>See <see cref="PromotePolicy.RequireSignalData"/>.</summary>
    public bool? RequireSignalData { get; init; }

    /// <summary>See <see cref="PromotePolicy.LastBatch"/>.</summary>
    public int? LastBatch { get; init; }
}
