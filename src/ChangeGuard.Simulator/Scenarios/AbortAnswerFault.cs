namespace ChangeGuard.Simulator.Scenarios;

/// <summary>
/// What the first aborts of each change order that SAE would accept answer instead of SAE's acceptance: the answers
/// that leave a caller unsure whether its abort took effect (SAE may have applied it, or not).
/// </summary>
public sealed record AbortAnswerFault
{
    /// <summary>The answer given instead.</summary>
    public required AbortAnswerMode Mode { get; init; }

    /// <summary>Whether SAE applies the abort (with the requested rollback) before answering.</summary>
    public bool Applied { get; init; }

    /// <summary>How many accepted aborts of each order get this answer (1 to 100).</summary>
    public int Count { get; init; } = 1;
}
