using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChangeGuard.Domain.Telemetry;

/// <summary>
/// ChangeGuard's own metrics and traces, in one meter and one activity source named <see cref="Name"/> that every host
/// exports the same way (<c>serve</c> at <c>/metrics</c> and over OTLP; the Functions worker over OTLP). Instruments are
/// recorded where things happen: SAE calls in the client, polls and outcomes by the orchestration (never on replay),
/// abort answers by the abort activity, promotions by the orchestration, deliveries by the notifier. No tag carries a secret.
/// </summary>
public static class ChangeGuardTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "ChangeGuard";

    /// <summary>The meter.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Traces: one activity per poll, tagged with the change order.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Polls of a change order's health, by verdict.</summary>
    public static readonly Counter<long> Polls = Meter.CreateCounter<long>("changeguard.polls", "{poll}", "Polls of a watched change order, by verdict");

    /// <summary>Watches that ended, by outcome.</summary>
    public static readonly Counter<long> WatchesEnded = Meter.CreateCounter<long>("changeguard.watches.ended", "{watch}", "Watches that ended, by outcome");

    /// <summary>Watches started, by who asked (the API, the rollback guard).</summary>
    public static readonly Counter<long> WatchesStarted = Meter.CreateCounter<long>("changeguard.watches.started", "{watch}", "Watches started");

    /// <summary>AbortChangeOrder attempts, by answer.</summary>
    public static readonly Counter<long> AbortAttempts = Meter.CreateCounter<long>("changeguard.abort.attempts", "{call}", "AbortChangeOrder attempts, by answer");

    /// <summary>Batches of manual releases the promotion gate acted on, by result (confirmed, alreadyConfirmed, wouldPromote, refused).</summary>
    public static readonly Counter<long> Promotions = Meter.CreateCounter<long>("changeguard.promotions", "{batch}", "Batches the promotion gate acted on, by result");

    /// <summary>SAE calls, by API and result.</summary>
    public static readonly Counter<long> SaeCalls = Meter.CreateCounter<long>("changeguard.sae.calls", "{call}", "SAE calls, by API and result");

    /// <summary>How long calls waited for the SAE call budget.</summary>
    public static readonly Histogram<double> BudgetWait = Meter.CreateHistogram<double>("changeguard.sae.budget.wait", "s", "Time a call waited for the SAE call budget");

    /// <summary>Notification deliveries, by channel type and status.</summary>
    public static readonly Counter<long> Notifications = Meter.CreateCounter<long>("changeguard.notifications", "{notification}", "Notification deliveries, by channel type and status");
}
