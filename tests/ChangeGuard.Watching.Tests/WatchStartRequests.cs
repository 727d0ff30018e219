using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Watching.Tests;

/// <summary>Builds start requests: valid by default, one field changed per test.</summary>
internal static class WatchStartRequests
{
    public static WatchStartRequest Valid(Func<WatchStartRequest, WatchStartRequest>? change = null)
    {
        var request = new WatchStartRequest
        {
            RegionId = "cn-hangzhou",
            AppId = "app-1",
            ChangeOrderId = "co-1",
            RequestedBy = "ci",
            Policy = new WatchPolicyOverrides { FailureLimit = 3 },
        };
        return change?.Invoke(request) ?? request;
    }
}
