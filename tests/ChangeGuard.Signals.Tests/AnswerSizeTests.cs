namespace ChangeGuard.Signals.Tests;

/// <summary>Probe and Prometheus answers are read up to a cap and no further.</summary>
public sealed class AnswerSizeTests
{
    /// <summary>A body with no Content-Length, as a chunked answer arrives.</summary>
    private static StreamContent Chunked(int bytes)
    {
        var content = new StreamContent(new MemoryStream(new byte[bytes]));
        content.Headers.ContentLength = null;
        return content;
    }

    [Fact]
    public async Task ReadAsync_LongerThanTheCap_IsNull()
    {
        // Act
        var body = await SignalAnswerBody.ReadAsync(Chunked(100_001), 100_000, CancellationToken.None);

        // Assert
        Assert.Null(body);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverTheCap_IsNullWithoutReading()
    {
        // Arrange
        using var content = new ByteArrayContent(new byte[10]);
        content.Headers.ContentLength = 2_000_000_000;

        // Act
        var body = await SignalAnswerBody.ReadAsync(content, 100_000, CancellationToken.None);

        // Assert
        Assert.Null(body);
    }

    [Fact]
    public async Task ReadAsync_AtTheCap_IsRead()
    {
        // Act
        var body = await SignalAnswerBody.ReadAsync(Chunked(100_000), 100_000, CancellationToken.None);

        // Assert
        Assert.Equal(100_000, body!.Length);
    }
}
