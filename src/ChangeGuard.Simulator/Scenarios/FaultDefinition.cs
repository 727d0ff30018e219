namespace ChangeGuard.Simulator.Scenarios;

/// <summary>
/// Ways SAE misbehaves; each is off by default. Ratios are drawn from the scenario's seeded random. None applies
/// before <see cref="FromSecond"/>, so a scenario can break SAE in the middle of a rollout.
/// </summary>
public sealed record FaultDefinition
{
    /// <summary>
    /// Scenario seconds after the scenario loaded before any fault here applies (SAE's account rate limit is not a
    /// fault and always applies).
    /// </summary>
    public double FromSecond { get; init; }

    /// <summary>Share of calls answered HTTP 400 <c>Throttling.User</c>.</summary>
    public double ThrottleRatio { get; init; }

    /// <summary>Share of calls answered HTTP 500 <c>InternalError</c> or 503 <c>ServiceUnavailable</c>.</summary>
    public double ServerErrorRatio { get; init; }

    /// <summary>Share of calls whose connection is reset without an answer.</summary>
    public double ResetRatio { get; init; }

    /// <summary>
    /// Share of calls answered with something that is not SAE's API: an HTML 502 page, truncated JSON, an empty body,
    /// a <c>Data</c> without its fields, or fields of the wrong type (in turn).
    /// </summary>
    public double MalformedRatio { get; init; }

    /// <summary>Real milliseconds added to every answer.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Actions the ratios above apply to; empty means all.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>The first K aborts of each order answer <c>Application.ChangerOrderRunning</c>.</summary>
    public int AbortBusyCount { get; init; }

    /// <summary>An order finishes (succeeds) just before the first abort arrives, which then meets <c>Not.Running</c>.</summary>
    public bool FinishBeforeAbort { get; init; }

    /// <summary>
    /// A person confirms the waiting batch just before each <c>ConfirmPipelineBatch</c> arrives, which then finds the batch
    /// started and meets SAE's error: the race of a person and ChangeGuard clicking at the same moment.
    /// </summary>
    public bool PersonConfirmsFirst { get; init; }

    /// <summary>Actions answered <c>Resouce.no.permission</c>.</summary>
    public IReadOnlyList<string> DeniedActions { get; init; } = [];

    /// <summary>What the first accepted aborts of each order answer instead of SAE's acceptance; none when null.</summary>
    public AbortAnswerFault? AbortAnswer { get; init; }
}
