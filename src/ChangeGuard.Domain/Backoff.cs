namespace ChangeGuard.Domain;

/// <summary>
/// Exponential backoff with jitter, shared by the SAE client's read retries, the abort retries and notification deliveries:
/// the ceiling doubles from <c>first</c> up to <c>max</c>, the delay is drawn between half the ceiling and the
/// ceiling, and a retry-after from SAE wins (capped by <c>max</c>). The caller supplies the jitter so that an
/// orchestrator can draw it deterministically.
/// </summary>
public static class Backoff
{
    /// <summary>The delay after <paramref name="attempt"/> (1-based) failed; <paramref name="jitter"/> in [0, 1].</summary>
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max, double jitter, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < max ? asked : max;
        }

        var ceiling = Math.Min(first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Math.Clamp(jitter, 0, 1) / 2)));
    }
}
