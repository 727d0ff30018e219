using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Testing.Http;

/// <summary>One exchange with a host's watch API: status, content type, body, Location.</summary>
public sealed record HttpExchange(int Status, string? ContentType, string Body, string? Location)
{
    /// <summary>The content type a JSON body is sent with.</summary>
    public const string Json = "application/json";
}

/// <summary>
/// A host serving the watch API (the <c>serve</c> host over real HTTP, the Functions adapters through request
/// doubles), so one set of contract cases runs against both.
/// </summary>
public interface IWatchHttpHost : IAsyncDisposable
{
    /// <summary>The simulator the host's SAE client talks to.</summary>
    SimulatorFixture Simulator { get; }

    /// <summary>
    /// Sends a request such as <c>POST /api/watches</c> with an optional body, labelled <paramref name="contentType"/>
    /// (none when null).
    /// </summary>
    Task<HttpExchange> SendAsync(HttpMethod method, string pathAndQuery, string? jsonBody = null, string? contentType = HttpExchange.Json);
}
