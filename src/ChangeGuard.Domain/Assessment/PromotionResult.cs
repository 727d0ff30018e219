namespace ChangeGuard.Domain.Assessment;

/// <summary>How a promotion ended, as a closed set: what <c>watch --json</c>, metrics and the dashboard report.</summary>
public enum PromotionResult
{
    /// <summary>ChangeGuard confirmed the batch and SAE started it.</summary>
    Confirmed,

    /// <summary>The batch had been confirmed already (by a person, or by this confirm's earlier delivery): not confirmed twice.</summary>
    AlreadyConfirmed,

    /// <summary>Dry run: the batch would have been confirmed; nothing was called.</summary>
    WouldPromote,

    /// <summary>SAE refused the confirm for good (no permission); the batch is left for a person.</summary>
    Refused,
}
