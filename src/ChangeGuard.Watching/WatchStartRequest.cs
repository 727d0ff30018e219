using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Watching;

/// <summary>
/// The start request every host accepts (JSON, camelCase): <c>{"regionId", "appId", "changeOrderId", "policy"?, "requestedBy"?}</c>.
/// <c>policy</c> holds only the fields that override the configured defaults.
/// </summary>
public sealed record WatchStartRequest
{
    /// <summary>The region, such as <c>cn-hangzhou</c> (required).</summary>
    public string? RegionId { get; init; }

    /// <summary>The SAE app id (required).</summary>
    public string? AppId { get; init; }

    /// <summary>The change order to watch (required).</summary>
    public string? ChangeOrderId { get; init; }

    /// <summary>Policy fields that override the defaults.</summary>
    public WatchPolicyOverrides? Policy { get; init; }

    /// <summary>Free text for the audit trail: who or what started the watch.</summary>
    public string? RequestedBy { get; init; }
}
