using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Testing.Engine;

/// <summary>Policies for tests: the fastest valid polling, so watches end in seconds.</summary>
public static class Policies
{
    public static WatchPolicyOverrides Fast(Func<WatchPolicyOverrides, WatchPolicyOverrides>? change = null)
    {
        var policy = new WatchPolicyOverrides
        {
            PollInterval = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromSeconds(60),
            AbortDeadline = TimeSpan.FromSeconds(30),
            AbortConfirmTimeout = TimeSpan.FromSeconds(10),
        };
        return change?.Invoke(policy) ?? policy;
    }
}
