namespace ChangeGuard.Signals;

/// <summary>
/// Reads a probe's or Prometheus' answer up to a cap, so a broken or hostile endpoint cannot make the process hold
/// gigabytes. (The SAE client has its own, as Signals and Sae share no project that may do HTTP.)
/// </summary>
internal static class SignalAnswerBody
{
    /// <summary>The body, or null once it is longer than <paramref name="maxBytes"/> (read no further).</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
