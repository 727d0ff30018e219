using System.Text.Json.Serialization;
using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// What a watch carries from poll to poll and across ContinueAsNew: counters, the restart baseline, the cached
/// group id and the last decisions (bounded), so history stays small however long the watch runs.
/// </summary>
public sealed record WatchState
{
    /// <summary>How many decisions the state keeps.</summary>
    public const int DecisionsKept = 20;

    /// <summary>How many polls' judged values the state keeps for charts.</summary>
    public const int SamplesKept = 30;

    /// <summary>A watch that has not polled yet.</summary>
    public static WatchState Initial { get; } = new();

    /// <summary>ContinueAsNew generations so far.</summary>
    public int Generation { get; init; }

    /// <summary>Polls so far.</summary>
    public int Polls { get; init; }

    /// <summary>Breaching polls in a row.</summary>
    public int ConsecutiveBreaches { get; init; }

    /// <summary>Polls in a row that could not read SAE.</summary>
    public int ConsecutiveErrors { get; init; }

    /// <summary>SAE calls made by this watch.</summary>
    public int SaeCalls { get; init; }

    /// <summary>The app's instance group, read once.</summary>
    public string? GroupId { get; init; }

    /// <summary>Restart counts of instances that predate the watch.</summary>
    public RestartBaseline Baseline { get; init; } = RestartBaseline.Empty;

    /// <summary>The last verdict's kind.</summary>
    public VerdictKind? LastVerdict { get; init; }

    /// <summary>The last verdict's reason: the health summary shown in status.</summary>
    public string? LastHealth { get; init; }

    /// <summary>Notable events raised so far: the sequence part of each event id.</summary>
    public int Notifications { get; init; }

    /// <summary>The batch running or next (1-based), from the order as last read.</summary>
    [JsonIgnore]
    public int? Batch => Order?.CurrentBatch;

    /// <summary>How many batches the order has, from the order as last read.</summary>
    [JsonIgnore]
    public int? BatchCount => Order?.BatchCount;

    /// <summary>The app's name, when SAE told it.</summary>
    public string? AppName { get; init; }

    /// <summary>Whether a batch has started: signals are judged from then on.</summary>
    public bool BatchStarted { get; init; }

    /// <summary>When the current batch started, from the last snapshot: a batch that just started is the riskiest phase.</summary>
    public DateTimeOffset? BatchStartedAt { get; init; }

    /// <summary>Each signal's counters, in the policy's order.</summary>
    public IReadOnlyList<SignalCount> Signals { get; init; } = [];

    /// <summary>The last decisions, oldest first.</summary>
    public IReadOnlyList<Decision> Decisions { get; init; } = [];

    /// <summary>The change order as last read: what a poll that reads the instances alone judges them against.</summary>
    public ChangeOrderProgress? Order { get; init; }

    /// <summary>Polls since the order was last read.</summary>
    public int PollsSinceOrderRead { get; init; }

    /// <summary>The instances' shape when the order was last read; a different shape means the order may have moved.</summary>
    public InstanceCounts? CountsAtOrderRead { get; init; }

    /// <summary>The judged values of the last polls, oldest first (<see cref="JudgedMeasure.For"/> names them).</summary>
    public IReadOnlyList<PollSample> Samples { get; init; } = [];

    /// <summary>The healthy streak of the batch a manual release waits to start, while promotion is on.</summary>
    public BatchBake? Bake { get; init; }

    /// <summary>The batches the promotion gate acted on, oldest first.</summary>
    public IReadOnlyList<Promotion> Promotions { get; init; } = [];

    /// <summary>Whether any breach or read error is being counted: the watch is in its riskiest phase.</summary>
    public bool IsCounting() =>
        ConsecutiveBreaches > 0 || ConsecutiveErrors > 0 || Signals.Any(s => s.ConsecutiveBreaches > 0 || s.ConsecutiveErrors > 0);

    /// <summary>This state with a decision appended (keeping the last <see cref="DecisionsKept"/>).</summary>
    public WatchState Record(Decision decision) =>
        this with { Decisions = Decisions.Append(decision).TakeLast(DecisionsKept).ToArray() };

    /// <summary>This state with a poll's judged values appended (keeping the last <see cref="SamplesKept"/>).</summary>
    public WatchState Record(PollSample sample) =>
        this with { Samples = Samples.Append(sample).TakeLast(SamplesKept).ToArray() };
}
