namespace ChangeGuard.Sae;

/// <summary>
/// Reads an answer's body up to a cap, so a broken or hostile endpoint cannot make the process hold gigabytes:
/// null when the body is longer than the cap (by its Content-Length, or once that many bytes have arrived).
/// </summary>
internal static class AnswerBody
{
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
