using System.Security.Cryptography;
using System.Text;
using ChangeGuard.Notifications.Signing;
using ChangeGuard.Testing.Notifications;
using StandardWebhooks;

namespace ChangeGuard.Notifications.Tests.Signing;

/// <summary>
/// The signature comes from the StandardWebhooks package; these tests hold it to the bytes the scheme signs, computed
/// here independently, and to the scheme's own example.
/// </summary>
public sealed class StandardWebhookSignatureTests
{
    [Fact]
    public void Sign_TheSchemesExample_GivesItsSignature()
    {
        // Arrange: the example of the Standard Webhooks specification's reference libraries.
        Assert.True(WebhookSecret.TryDecode("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out var key));

        // Act
        var signature = StandardWebhookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""u8);

        // Assert
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"reason":"新实例不可用"}""")]
    [InlineData("""{"reason":"rollout 🚀 café"}""")]
    public void Sign_Body_IsTheHmacOfIdTimestampAndTheBodysBytes(string text)
    {
        // Arrange
        Assert.True(WebhookSecret.TryDecode(NotificationSettings.WebhookSecret, out var key));
        var body = Encoding.UTF8.GetBytes(text);

        // Act
        var signature = StandardWebhookSignature.Sign(key, "watch-co-7f3a:aborted:1793520000-2", 1793520075, body);

        // Assert
        var signed = Encoding.UTF8.GetBytes("watch-co-7f3a:aborted:1793520000-2.1793520075.").Concat(body).ToArray();
        Assert.Equal("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)), signature);
    }

    [Fact]
    public void Sign_BodyNotUtf8_ThrowsRatherThanSignOtherBytes()
    {
        // Arrange: the package signs text, so these bytes would be signed as U+FFFD 'A' instead of themselves.
        Assert.True(WebhookSecret.TryDecode(NotificationSettings.WebhookSecret, out var key));
        byte[] body = [0xFF, 0x41];

        // Act
        var error = Record.Exception(() => StandardWebhookSignature.Sign(key, "id", 1793520075, body));

        // Assert
        Assert.IsType<DecoderFallbackException>(error);
        var overTheBytes = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("id.1793520075.").Concat(body).ToArray()));
        var overTheText = new StandardWebhook(key).Sign("id", DateTimeOffset.FromUnixTimeSeconds(1793520075), Encoding.UTF8.GetString(body));
        Assert.NotEqual(overTheBytes, overTheText);
    }

    [Fact]
    public void Headers_AreThePackagesStandardWebhooksHeaders()
    {
        // Arrange
        var package = WebhookConfigurationOptions.StandardWebhooks;

        // Act
        var ours = (StandardWebhookSignature.IdHeader, StandardWebhookSignature.TimestampHeader, StandardWebhookSignature.SignatureHeader);

        // Assert
        Assert.Equal((package.IdHeaderKey, package.TimestampHeaderKey, package.SignatureHeaderKey), ours);
    }
}
