using ChangeGuard.Sae.Errors;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>An answer longer than the cap is read no further: a transient failure that says why.</summary>
public sealed class SaeClientAnswerSizeTests
{
    [Fact]
    public async Task DescribeChangeOrder_AnswerOverTheCap_ThrowsTransientSayingItIsTooLarge()
    {
        // Arrange: a valid answer padded past 16 MB
        var padding = new string(' ', (int)SaeRequestSender.MaxAnswerBytes);
        await using var stub = await StubSae.StartAsync(_ => ReceiverAnswer.Ok(StubSae.RunningOrder + padding));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 1);

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync("cn-hangzhou", "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Transient, error.Kind);
        Assert.Equal(SaeRequestSender.AnswerTooLargeCode, error.Code);
        Assert.Contains("larger than 16 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeChangeOrder_AnswerJustUnderTheCap_IsRead()
    {
        // Arrange
        var padding = new string(' ', (int)SaeRequestSender.MaxAnswerBytes - StubSae.RunningOrder.Length - 1);
        await using var stub = await StubSae.StartAsync(_ => ReceiverAnswer.Ok(StubSae.RunningOrder + padding));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 1);

        // Act
        var order = await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");

        // Assert
        Assert.Equal("co-1", order.ChangeOrderId);
    }
}
