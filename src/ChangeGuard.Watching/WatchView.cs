using System.Text.Json.Serialization;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Watching;

/// <summary>A watch as every host shows it: what is watched, how, where it stands and, once ended, how it ended.</summary>
public sealed record WatchView
{
    /// <summary>The change order.</summary>
    public required string ChangeOrderId { get; init; }

    /// <summary>The app.</summary>
    public string? AppId { get; init; }

    /// <summary>The region.</summary>
    public string? RegionId { get; init; }

    /// <summary>The orchestration instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The engine's status: pending, running, completed, failed, terminated, suspended.</summary>
    public required EngineStatus RuntimeStatus { get; init; }

    /// <summary>Where the watch is.</summary>
    public WatchPhase? Phase { get; init; }

    /// <summary>The effective policy.</summary>
    public WatchPolicy? Policy { get; init; }

    /// <summary>The notification channels it tells, by name.</summary>
    public IReadOnlyList<string>? Notify { get; init; }

    /// <summary>Who started it.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The last verdict.</summary>
    public VerdictKind? LastVerdict { get; init; }

    /// <summary>The last health summary.</summary>
    public string? LastHealth { get; init; }

    /// <summary>Counters and the last decisions.</summary>
    public WatchProgress? Status { get; init; }

    /// <summary>How it ended, once it has.</summary>
    [JsonPropertyName("outcome")]
    public WatchResult? Result { get; init; }

    /// <summary>The engine's failure message, if the orchestration itself failed.</summary>
    public string? Failure { get; init; }

    /// <summary>True once the watch has ended in any way.</summary>
    public bool HasEnded => RuntimeStatus is not (EngineStatus.Pending or EngineStatus.Running or EngineStatus.Suspended);
}
