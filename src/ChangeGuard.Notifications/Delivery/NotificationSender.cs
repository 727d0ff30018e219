using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChangeGuard.Notifications.Formatting;

namespace ChangeGuard.Notifications.Delivery;

/// <summary>
/// Makes one POST of a formatted message and says what the answer means, including the chat platforms' "HTTP 200 but
/// failed" answers (DingTalk <c>errcode</c>, Feishu <c>code</c>, Slack's <c>ok</c> body). Never throws for a receiver's
/// failure and never logs: the URL may be a credential. The retries are the caller's.
/// </summary>
public sealed partial class NotificationSender(IHttpClientFactory httpClientFactory, TimeProvider time)
{
    /// <summary>The named HTTP client (no redirects, no logging handlers).</summary>
    public const string HttpClientName = "ChangeGuard.Notifications";

    private const int MaxAnswerBytes = 4096;

    /// <summary>Posts once, within <paramref name="timeout"/>.</summary>
    public async Task<SendAttempt> SendAsync(ChannelType type, NotificationMessage message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url) { Content = new ByteArrayContent(message.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(message.ContentType) { CharSet = "utf-8" };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ChangeGuard", "1.0"));
        foreach (var (name, value) in message.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            var answer = await ReadAnswerAsync(response, attempt.Token).ConfigureAwait(false);
            return Classify(type, response.StatusCode, answer, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendAttempt(SendVerdict.Retry, "timeout");
        }
        catch (HttpRequestException)
        {
            // The exception's message may name the host; the code says only what kind of failure it was.
            return new SendAttempt(SendVerdict.Retry, "network error");
        }
    }

    /// <summary>What an answer means for a channel type.</summary>
    public static SendAttempt Classify(ChannelType type, HttpStatusCode status, string answer, TimeSpan? retryAfter = null)
    {
        var code = (int)status;
        if (code == 429 || code == 408 || code >= 500)
        {
            return new SendAttempt(SendVerdict.Retry, $"http {code}", retryAfter);
        }

        if (code is < 200 or > 299)
        {
            var token = type == ChannelType.Slack && ErrorToken().IsMatch(answer.Trim()) ? " " + answer.Trim() : string.Empty;
            return new SendAttempt(SendVerdict.Failed, $"http {code}{token}");
        }

        return type switch
        {
            ChannelType.DingTalk => JsonCode(answer, "errcode") switch
            {
                0 => new SendAttempt(SendVerdict.Sent, $"http {code}"),
                { } errcode => new SendAttempt(SendVerdict.Failed, $"dingtalk errcode {errcode}"),
                null => new SendAttempt(SendVerdict.Failed, "dingtalk unexpected answer"),
            },
            ChannelType.Feishu => (JsonCode(answer, "code") ?? JsonCode(answer, "StatusCode")) switch
            {
                0 => new SendAttempt(SendVerdict.Sent, $"http {code}"),
                11232 => new SendAttempt(SendVerdict.Retry, "feishu code 11232", retryAfter),
                { } feishu => new SendAttempt(SendVerdict.Failed, $"feishu code {feishu}"),
                null => new SendAttempt(SendVerdict.Failed, "feishu unexpected answer"),
            },
            ChannelType.Slack => answer.Trim() == "ok"
                ? new SendAttempt(SendVerdict.Sent, $"http {code}")
                : new SendAttempt(SendVerdict.Failed, ErrorToken().IsMatch(answer.Trim()) ? $"slack {answer.Trim()}" : "slack unexpected answer"),
            _ => new SendAttempt(SendVerdict.Sent, $"http {code}"),
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static async Task<string> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxAnswerBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
    }

    private static long? JsonCode(string answer, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value))
            {
                return value.ValueKind switch
                {
                    JsonValueKind.Number when value.TryGetInt64(out var number) => number,
                    JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
                    _ => null,
                };
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    // Slack answers errors as one lower-case token (invalid_payload, channel_is_archived): safe to keep in a timeline.
    [GeneratedRegex("^[a-z][a-z0-9_]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorToken();
}
