using System.Diagnostics.CodeAnalysis;
using System.Net;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Serve;

/// <summary>Where <c>serve</c> listens, and whether that is loopback only (no key needed) or not (key required).</summary>
public sealed record BindAddress(Uri Url)
{
    /// <summary>The default: loopback only.</summary>
    public const string Default = "http://127.0.0.1:8080";

    /// <summary>True when only this machine can connect.</summary>
    public bool IsLoopback => Url.Host is "localhost" || (IPAddress.TryParse(Url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Parses <c>--urls</c>: one http URL such as <c>http://127.0.0.1:8080</c> or <c>http://0.0.0.0:8080</c>.</summary>
    public static BindAddress Parse(string? text) =>
        TryParse(text ?? Default, out var address) ? address : throw new BadInputException(Refusal(text ?? Default));

    /// <summary>Parses <c>--urls</c>; false for anything but one http URL with no path.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out BindAddress? address)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        var normalised = text.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (text.Contains(';', StringComparison.Ordinal) || !Uri.TryCreate(normalised, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/")
        {
            return false;
        }

        address = new BindAddress(url);
        return true;
    }

    /// <summary>Why <paramref name="text"/> is no address, after the option's name.</summary>
    public static string Refusal(string text) => $"--urls must be one http URL such as {Default}, not '{text}'";
}
