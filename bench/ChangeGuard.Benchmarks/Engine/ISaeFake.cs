using ChangeGuard.Simulator.Api;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>A running SAE simulator as the engine benchmarks use it: where it listens and what it was asked.</summary>
public interface ISaeFake : IAsyncDisposable
{
    /// <summary>The SAE endpoint.</summary>
    Uri BaseAddress { get; }

    /// <summary>The AccessKey ID it accepts.</summary>
    string AccessKeyId { get; }

    /// <summary>The matching secret.</summary>
    string AccessKeySecret { get; }

    /// <summary>Processor time the simulator used so far when it runs in its own process; null in-process.</summary>
    TimeSpan? ProcessorTime { get; }

    /// <summary>Answered calls after a sequence number, optionally of one action.</summary>
    Task<IReadOnlyList<RequestLogEntry>> ReadAsync(string? action, long after, CancellationToken cancellationToken);

    /// <summary>Forgets the calls logged so far, so the log does not count as the engine's memory.</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}
