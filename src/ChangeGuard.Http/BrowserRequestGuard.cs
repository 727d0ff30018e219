using System.Net;
using Microsoft.AspNetCore.Http;

namespace ChangeGuard.Http;

/// <summary>
/// Keeps a web page from driving the API through the operator's browser. A page may send simple cross-site requests
/// to any address, loopback included, and DNS rebinding points its own host name at 127.0.0.1; either way the
/// browser says so. A request must name an allowed <c>Host</c> (loopback names, the served host, any configured), and
/// when it carries <c>Origin</c> or <c>Sec-Fetch-Site</c> it must come from the same origin. API clients (CI, curl,
/// the CLI) send neither header and are not affected.
/// </summary>
public sealed class BrowserRequestGuard
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "::1"];

    private readonly HashSet<string>? _hosts;

    /// <param name="allowedHosts">
    /// Host names requests may name besides loopback; null accepts any <c>Host</c> (a server bound to every address,
    /// behind its API key, with no names configured).
    /// </param>
    public BrowserRequestGuard(IEnumerable<string>? allowedHosts)
    {
        _hosts = allowedHosts is null ? null : new HashSet<string>(LoopbackNames.Concat(allowedHosts).Select(Normalize), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Middleware answering 400 to a foreign <c>Host</c> and 403 to a cross-site browser request.</summary>
    public RequestDelegate Guard(RequestDelegate next) => async context =>
    {
        ArgumentNullException.ThrowIfNull(context);
        var refusal = Refusal(context.Request);
        if (refusal is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await refusal.ExecuteAsync(context).ConfigureAwait(false);
    };

    /// <summary>Why the request is refused, or null when it may pass.</summary>
    public IResult? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.Host.HasValue ? Normalize(request.Host.Host) : string.Empty;
        if (_hosts is not null && !_hosts.Contains(host))
        {
            return Problems.Invalid("Host", "names no host this server answers to (set ChangeGuard:Http:AllowedHosts to add one)");
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return Problems.CrossSite($"Sec-Fetch-Site is '{Clip(site)}'");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsSameOrigin(origin, request))
        {
            return Problems.CrossSite($"Origin '{Clip(origin)}' is not this server");
        }

        return null;
    }

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Normalize(uri.Host), Normalize(request.Host.Host), StringComparison.OrdinalIgnoreCase)
        && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));

    private static string Normalize(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip.ToString() : host.TrimEnd('.').ToLowerInvariant();

    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
