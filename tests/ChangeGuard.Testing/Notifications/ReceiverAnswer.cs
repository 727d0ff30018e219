namespace ChangeGuard.Testing.Notifications;

/// <summary>What a <see cref="LoopbackReceiver"/> answers: status, body and an optional Retry-After header.</summary>
public sealed record ReceiverAnswer(int Status, string Body = "", string? RetryAfter = null)
{
    public static ReceiverAnswer Ok(string body = "") => new(200, body);

    /// <summary>The success answer of a channel type: DingTalk's errcode 0, Feishu's code 0, Slack's "ok", or an empty 200/202.</summary>
    public static ReceiverAnswer SuccessOf(string channelType) => channelType.ToLowerInvariant() switch
    {
        "dingtalk" => new ReceiverAnswer(200, """{"errcode":0,"errmsg":"ok"}"""),
        "feishu" => new ReceiverAnswer(200, """{"code":0,"msg":"success","data":{}}"""),
        "slack" => new ReceiverAnswer(200, "ok"),
        "teams" => new ReceiverAnswer(202),
        _ => new ReceiverAnswer(204),
    };
}
