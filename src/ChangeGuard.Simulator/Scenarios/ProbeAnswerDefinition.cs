using System.Text.Json;

namespace ChangeGuard.Simulator.Scenarios;

/// <summary>
/// From a second on (scenario seconds since the app's latest change order was created, or since the scenario
/// loaded), how the app's probe endpoint answers: status, a JSON or text body, and a delay in real milliseconds.
/// </summary>
public sealed record ProbeAnswerDefinition
{
    /// <summary>Scenario seconds since the latest order was created.</summary>
    public double FromSecond { get; init; }

    /// <summary>The HTTP status.</summary>
    public int Status { get; init; } = 200;

    /// <summary>A JSON body.</summary>
    public JsonElement? Json { get; init; }

    /// <summary>A text body (sent as <c>text/html</c>, as a proxy's error page would be).</summary>
    public string? Text { get; init; }

    /// <summary>Real milliseconds before the answer (to rehearse a probe timing out).</summary>
    public int DelayMs { get; init; }
}
