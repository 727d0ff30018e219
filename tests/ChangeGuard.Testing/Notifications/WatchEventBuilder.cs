using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Notifications;

namespace ChangeGuard.Testing.Notifications;

/// <summary>Builds <see cref="WatchEvent"/>s for tests, by default a realistic "aborted" event of a bad first batch.</summary>
public sealed class WatchEventBuilder
{
    public static readonly DateTimeOffset At = new(2026, 11, 1, 8, 1, 15, TimeSpan.Zero);

    private WatchEvent _event = new()
    {
        EventId = "watch-co-7f3a:aborted:1793520000-2",
        Type = WatchEventType.Aborted,
        Severity = NotificationSeverity.Error,
        OccurredAt = At,
        RegionId = "cn-hangzhou",
        AppId = "7171a6ca-d1cd-4928-8642-7d5cfe69bc5a",
        AppName = "checkout",
        ChangeOrderId = "co-7f3a",
        Batch = 1,
        BatchCount = 2,
        Verdict = VerdictKind.Breach,
        Outcome = WatchOutcome.Aborted,
        Reason = "2 of 4 new instances unavailable (50%), above maxUnavailableRatio 0.25",
        Evidence = [new Evidence("unavailableRatio", "0.50 (2 of 4)", "0.25", ["checkout-2-0-0-8c5f-1", "checkout-2-0-0-8c5f-2"])],
        WatchStartedAt = At.AddMinutes(-1).AddSeconds(-15),
        Timeline =
        [
            new Decision(At.AddSeconds(-45), 1, VerdictKind.NoData, "batch 1 of 2 runs but no new instance can be judged yet", WatchAction.Continue, "no data: keep watching"),
            new Decision(At.AddSeconds(-30), 2, VerdictKind.Breach, "2 of 4 new instances unavailable (50%), above maxUnavailableRatio 0.25", WatchAction.Continue, "breach 1 of 2"),
            new Decision(At.AddSeconds(-15), 3, VerdictKind.Breach, "2 of 4 new instances unavailable (50%), above maxUnavailableRatio 0.25", WatchAction.Abort, "abort (breach 2 of 2)"),
            new Decision(At.AddSeconds(-14), 3, VerdictKind.Breach, "2 of 4 new instances unavailable (50%), above maxUnavailableRatio 0.25", WatchAction.AbortAccepted, "abort accepted (attempt 1)"),
        ],
    };

    public WatchEventBuilder With(Func<WatchEvent, WatchEvent> change)
    {
        _event = change(_event);
        return this;
    }

    public WatchEventBuilder OfType(WatchEventType type, WatchOutcome? outcome = null)
    {
        _event = _event with
        {
            Type = type,
            Outcome = outcome,
            Severity = EventSeverity.Of(type, outcome),
            EventId = WatchEvent.IdFor("watch-co-7f3a", type, "1793520000-2"),
        };
        return this;
    }

    /// <summary>An event far larger than any channel accepts: a long reason, many evidence lines, a full timeline of long decisions.</summary>
    public WatchEventBuilder Huge()
    {
        var text = string.Concat(Enumerable.Repeat("容器反复重启 crash loop; ", 400));
        _event = _event with
        {
            Reason = text,
            Evidence = Enumerable.Range(1, 30).Select(i => new Evidence($"signal{i}", text[..800], text[..300], Enumerable.Range(1, 50).Select(n => $"instance-{i}-{n}").ToArray())).ToArray(),
            Timeline = Enumerable.Range(1, 10).Select(i => new Decision(At.AddSeconds(i), i, VerdictKind.Breach, text[..1500], WatchAction.Continue, "breach")).ToArray(),
        };
        return this;
    }

    public WatchEvent Build() => _event;
}
