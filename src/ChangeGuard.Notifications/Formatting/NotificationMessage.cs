namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// One request ready to POST: where, the body (already within the channel's size limit) and the headers, signature
/// included. The URL may carry a signature or a token: it is never logged or persisted.
/// </summary>
/// <param name="Url">The channel URL, with DingTalk's <c>timestamp</c> and <c>sign</c> when signed.</param>
/// <param name="Body">The UTF-8 body.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="Headers">Extra headers, such as Standard Webhooks' <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>.</param>
public sealed record NotificationMessage(Uri Url, byte[] Body, string ContentType, IReadOnlyDictionary<string, string> Headers);
