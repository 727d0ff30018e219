namespace ChangeGuard.Notifications;

/// <summary>The receivers ChangeGuard can format and sign for.</summary>
public enum ChannelType
{
    /// <summary>Generic JSON webhook, signed with the Standard Webhooks scheme.</summary>
    Webhook,

    /// <summary>DingTalk custom robot (markdown, optional signed mode).</summary>
    DingTalk,

    /// <summary>Feishu / Lark custom bot (interactive card, optional signature).</summary>
    Feishu,

    /// <summary>Slack incoming webhook (blocks).</summary>
    Slack,

    /// <summary>Microsoft Teams Workflows (Adaptive Card).</summary>
    Teams,
}
