using System.Text.Json;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;

namespace ChangeGuard.Watching.Orchestration;

/// <summary>
/// The orchestration's custom status: a bounded summary (phase, last health, counters, last decisions, next poll, the
/// judged values of the last polls)
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

    /// <summary>The bake of the batch a manual release waits to start, while promotion is on.</summary>
    public BatchBake? Bake { get; init; }

    /// <summary>The batches the promotion gate acted on.</summary>
    public IReadOnlyList<Promotion> Promotions { get; init; } = [];

    /// <summary>The judged values of the last polls against their thresholds.</summary>
    public ValueChart? Chart { get; init; }

    /// <summary>The status for a state; <paramref name="measures"/> name the values of its samples.</summary>
    public static WatchProgress From(WatchPhase phase, WatchState state, DateTimeOffset startedAt, DateTimeOffset? nextPollAt, IReadOnlyList<JudgedMeasure> measures) => Fit(new()
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
        Bake = state.Bake,
        Promotions = state.Promotions,
        Chart = new ValueChart(measures, state.Samples),
    });

    /// <summary>Most characters of serialized status: Durable's 16 KB of UTF-16, with room for the host's envelope.</summary>
    public const int MaxSerializedLength = 7600;

    /// <summary>
    /// The status within <see cref="MaxSerializedLength"/>: the chart gives up its oldest samples first (a watch with ten
    /// signals and long reasons keeps fewer polls), and the whole chart only when its measures alone do not fit.
    /// </summary>
    private static WatchProgress Fit(WatchProgress progress)
    {
        var length = JsonSerializer.Serialize(progress).Length;
        if (length <= MaxSerializedLength || progress.Chart is not { } chart)
        {
            return progress;
        }

        var kept = chart.Samples.Count;
        while (kept > 0 && length > MaxSerializedLength)
        {
            length -= JsonSerializer.Serialize(chart.Samples[chart.Samples.Count - kept]).Length + 1;
            kept--;
        }

        return length <= MaxSerializedLength
            ? progress with { Chart = chart with { Samples = chart.Samples.TakeLast(kept).ToArray() } }
            : progress with { Chart = null };
    }

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
