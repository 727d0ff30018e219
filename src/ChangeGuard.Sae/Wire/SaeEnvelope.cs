using System.Text.Json.Serialization;
using ChangeGuard.Sae.Wire.Json;

namespace ChangeGuard.Sae.Wire;

/// <summary>SAE's common response envelope; error bodies use the same names at the top level.</summary>
/// <typeparam name="TData">The operation's payload.</typeparam>
public sealed record SaeEnvelope<TData>
{
    /// <summary>Request id; always present on real answers.</summary>
    public string? RequestId { get; init; }

    /// <summary>"200" on success, else the error code; SAE sends it as a string or a number.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Code { get; init; }

    /// <summary>"success" or error text.</summary>
    public string? Message { get; init; }

    /// <summary>False on a failed call, when present.</summary>
    public bool? Success { get; init; }

    /// <summary>SAE's troubleshooting link on errors.</summary>
    public string? Recommend { get; init; }

    /// <summary>The payload.</summary>
    public TData? Data { get; init; }
}
