namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// Delays between abort attempts: exponential ceilings from a first delay (2 s, or the poll interval when shorter:
/// 2 s, 4 s, 8 s ... capped at 60 s), each drawn between half the ceiling and the ceiling, or SAE's retry-after
/// when it gave one. The jitter comes from the
/// caller, so the orchestrator can draw it deterministically.
/// </summary>
public static class AbortBackoff
{
    /// <summary>The first delay.</summary>
    public static readonly TimeSpan First = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    /// <summary>The delay after <paramref name="attempt"/> (1-based) failed; <paramref name="jitter"/> in [0, 1).</summary>
    public static TimeSpan Delay(int attempt, double jitter, TimeSpan? retryAfter = null, TimeSpan? first = null)
    {
        var start = first is { } given && given > TimeSpan.Zero && given < First ? given : First;
        return Backoff.Delay(attempt, start, Max, jitter, retryAfter);
    }
}
