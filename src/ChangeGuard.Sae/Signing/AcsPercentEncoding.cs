using System.Text;

namespace ChangeGuard.Sae.Signing;

/// <summary>
/// RFC 3986 percent-encoding as the ACS3 canonical request requires it: unreserved characters stay,
/// everything else becomes upper-case <c>%XX</c> over its UTF-8 bytes. The same rule is used on the wire
/// so that what is sent is exactly what was signed.
/// </summary>
public static class AcsPercentEncoding
{
    /// <summary>Encodes one query name, value or path segment.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsAllUnreserved(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c))
            {
                builder.Append(c);
                continue;
            }

            int byteCount;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                byteCount = Encoding.UTF8.GetBytes(value.AsSpan(i, 2), utf8);
                i++;
            }
            else
            {
                byteCount = Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            }

            for (var b = 0; b < byteCount; b++)
            {
                builder.Append('%').Append(HexUpper[utf8[b] >> 4]).Append(HexUpper[utf8[b] & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Encodes each segment of a path, keeping the slashes.</summary>
    public static string EncodePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "/";
        }

        return IsPathSafe(path) ? path : string.Join('/', path.Split('/').Select(Encode));
    }

    /// <summary>Decodes a percent-encoded query component; '+' is kept literally, as RFC 3986 reads it.</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value);

    private const string HexUpper = "0123456789ABCDEF";

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private static bool IsAllUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (!IsUnreserved(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPathSafe(string path)
    {
        foreach (var c in path)
        {
            if (c != '/' && !IsUnreserved(c))
            {
                return false;
            }
        }

        return true;
    }
}
