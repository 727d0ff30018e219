using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Notifications;

namespace ChangeGuard.Watching.Orchestration;

/// <summary>
/// The orchestration's input: target, effective policy and who asked; on ContinueAsNew also the start time and
/// state. Never a credential: activities read those from configuration. <paramref name="AbortReason"/> makes the
/// watch abort at once (the rollback guard uses it to retry a failed abort or stop an order past its maximum).
/// <paramref name="PollsPerGeneration"/> is how many polls one history generation holds before ContinueAsNew; it
/// travels in the input so that replays never depend on configuration; so do the notification channels
/// (<paramref name="Notify"/>: names and the events each wants, never a URL or a secret).
/// </summary>
public sealed record WatchInput(
    WatchTarget Target,
    WatchPolicy Policy,
    string? RequestedBy,
    DateTimeOffset? StartedAt = null,
    WatchState? State = null,
    string? AbortReason = null,
    int PollsPerGeneration = WatchInput.DefaultPollsPerGeneration,
    IReadOnlyList<ChannelSubscription>? Notify = null)
{
    /// <summary>
    /// Polls per generation unless configured otherwise. Every episode replays its whole generation, so a poll's cost
    /// grows with its place in the generation: at 50 the last poll of a generation cost over twice the tenth
    /// (docs/engine-performance.md); at 10 the cost stays flat and the mean is lower, for one ContinueAsNew every 10 polls.
    /// </summary>
    public const int DefaultPollsPerGeneration = 10;
}
