using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Signals;

/// <summary>
/// The body Flagger posts to its webhook checks, so gates written for Flagger can judge an SAE change order:
/// <c>name</c> is the app, <c>namespace</c> the region, <c>checksum</c> the change order.
/// </summary>
public sealed record FlaggerPayload(string Name, string Namespace, string Phase, string Checksum, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The payload for a watch in progress, with the probe's own metadata entries.</summary>
    public static FlaggerPayload For(SignalContext context, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["appId"] = context.AppId,
            ["changeOrderId"] = context.ChangeOrderId,
            ["regionId"] = context.RegionId,
        };
        return new FlaggerPayload(context.AppName ?? context.AppId, context.RegionId, "Progressing", context.ChangeOrderId, entries);
    }
}
