using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;

namespace ChangeGuard.Watching.Orchestration;

/// <summary>
/// The orchestration's custom status: a bounded summary (phase, last health, counters, last decisions, next poll)
/// kept well under Durable's 16 KB limit.
/// </summary>
public sealed record WatchProgress
{
    /// <summary>Most decisions shown.</summary>
    public const int DecisionsShown = 5;

    /// <summary>Where the watch is.</summary>
    public WatchPhase Phase { get; init; }

    /// <summary>The last verdict.</summary>
    public VerdictKind? LastVerdict { get; init; }

    /// <summary>The last health summary.</summary>
    public string? LastHealth { get; init; }

    /// <summary>Polls so far.</summary>
    public int Polls { get; init; }

    /// <summary>Breaching polls in a row.</summary>
    public int ConsecutiveBreaches { get; init; }

    /// <summary>Unreadable polls in a row.</summary>
    public int ConsecutiveErrors { get; init; }

    /// <summary>SAE calls so far.</summary>
    public int SaeCalls { get; init; }

    /// <summary>Each signal's breaching and unreadable polls in a row.</summary>
    public IReadOnlyList<SignalCount> Signals { get; init; } = [];

    /// <summary>When the watch started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the next poll is due.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>The last few decisions.</summary>
    public IReadOnlyList<Decision> LastDecisions { get; init; } = [];

    /// <summary>The status for a state.</summary>
    public static WatchProgress From(WatchPhase phase, WatchState state, DateTimeOffset startedAt, DateTimeOffset? nextPollAt) => new()
    {
        Phase = phase,
        LastVerdict = state.LastVerdict,
        LastHealth = Truncate(state.LastHealth, 1024),
        Polls = state.Polls,
        ConsecutiveBreaches = state.ConsecutiveBreaches,
        ConsecutiveErrors = state.ConsecutiveErrors,
        SaeCalls = state.SaeCalls,
        Signals = state.Signals,
        StartedAt = startedAt,
        NextPollAt = nextPollAt,
        LastDecisions = state.Decisions.TakeLast(DecisionsShown).Select(d => d with { Reason = Truncate(d.Reason, 512)! }).ToArray(),
    };

    // Durable caps custom status at 16 KB of UTF-16 JSON, and its serializer escapes non-ASCII and HTML-sensitive
    // characters as \uXXXX (six characters each), so the budget counts escaped length, not characters: a reason in
    // Chinese would otherwise serialize six times longer than its length.
    private static string? Truncate(string? text, int max)
    {
        if (text is null || text.Sum(EscapedLength) <= max)
        {
            return text;
        }

        const string ellipsis = "…";
        var budget = max - EscapedLength(ellipsis[0]);
        var cut = 0;
        for (var used = 0; cut < text.Length && used + EscapedLength(text[cut]) <= budget; cut++)
        {
            used += EscapedLength(text[cut]);
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + ellipsis;
    }

    private static int EscapedLength(char c) => c is >= ' ' and <= '~' and not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`') ? 1 : 6;
}
