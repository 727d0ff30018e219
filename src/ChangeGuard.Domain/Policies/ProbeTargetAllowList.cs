namespace ChangeGuard.Domain.Policies;

/// <summary>
/// The URL prefixes probes may call: same scheme, host and port, and a path under the prefix's path. Without it a
/// watch request could make the host call anything on its network.
/// </summary>
public sealed class ProbeTargetAllowList
{
    private readonly IReadOnlyList<Uri> _prefixes;

    /// <summary>An allow-list of configured entries; entries that do not parse allow nothing.</summary>
    public ProbeTargetAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _prefixes = entries.Select(e => TryParseEntry(e, out var uri) ? uri : null).OfType<Uri>().ToArray();
    }

    /// <summary>Parses one entry: an absolute http(s) URL without user information, query or fragment.</summary>
    public static bool TryParseEntry(string? entry, out Uri prefix)
    {
        prefix = null!;
        if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }

        prefix = uri;
        return true;
    }

    /// <summary>Whether a probe may call this URL.</summary>
    public bool Allows(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.UserInfo.Length > 0)
        {
            return false;
        }

        return _prefixes.Any(p =>
            string.Equals(p.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
            && p.Port == url.Port
            && UnderPath(p.AbsolutePath, url.AbsolutePath));
    }

    private static bool UnderPath(string prefix, string path) =>
        prefix == "/" || string.Equals(prefix, path, StringComparison.Ordinal)
        || path.StartsWith(prefix.EndsWith('/') ? prefix : prefix + "/", StringComparison.Ordinal);
}
