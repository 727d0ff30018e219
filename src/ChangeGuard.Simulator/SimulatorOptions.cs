using System.Net;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator;

/// <summary>How a simulator instance listens, which key pair it accepts and what it plays.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The AccessKey ID the simulator accepts unless told otherwise: a local-only value, not a real key.</summary>
    public const string DefaultAccessKeyId = "changeguard-sim-key";

    /// <summary>The matching local-only secret.</summary>
    public const string DefaultAccessKeySecret = "changeguard-sim-secret";

    /// <summary>The address to bind; loopback unless a caller chooses otherwise.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (read it back from <see cref="RunningSimulator.BaseAddress"/>).</summary>
    public int Port { get; init; }

    /// <summary>The AccessKey ID requests must be signed with.</summary>
    public string AccessKeyId { get; init; } = DefaultAccessKeyId;

    /// <summary>The AccessKey secret requests must be signed with.</summary>
    public string AccessKeySecret { get; init; } = DefaultAccessKeySecret;

    /// <summary>When set, requests must carry this STS token; when null, they must carry none.</summary>
    public string? SecurityToken { get; init; }

    /// <summary>The scenario to play from the start; an empty world when null.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>The clock; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Writes ASP.NET Core's own logs to the console.</summary>
    public bool Verbose { get; init; }
}
