namespace ChangeGuard.Simulator.Model;

/// <summary>An answer SAE gives as an error: HTTP status, code and message, exactly as the API writes them.</summary>
public sealed class SimulatorError(int status, string code, string message) : Exception(message)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>SAE's error code.</summary>
    public string Code { get; } = code;
}
