using ChangeGuard.Domain.Policies;
using ChangeGuard.Watching;

namespace ChangeGuard.Benchmarks;

/// <summary>Starts benchmark watches through the same <see cref="WatchApi"/> the CLI and the Functions app use.</summary>
public static class BenchWatches
{
    /// <summary>Starts a watch of <paramref name="changeOrderId"/> on <paramref name="appId"/>; an invalid request throws.</summary>
    public static async Task StartAsync(WatchApi watches, string appId, string changeOrderId, WatchPolicyOverrides policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watches);
        var result = await watches.StartAsync(new WatchStartRequest
        {
            RegionId = "cn-hangzhou",
            AppId = appId,
            ChangeOrderId = changeOrderId,
            Policy = policy,
            RequestedBy = "changeguard-bench",
        }, cancellationToken).ConfigureAwait(false);
        if (result.Kind == WatchStartKind.Invalid)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }
}
