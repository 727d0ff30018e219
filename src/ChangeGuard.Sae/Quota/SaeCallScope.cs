namespace ChangeGuard.Sae.Quota;

/// <summary>
/// The priority of the SAE calls made in the current async flow. Activities set it around their calls
/// (<c>using (SaeCallScope.With(SaeCallPriority.Abort)) ...</c>); the budget reads it, so the client's API stays as
/// SAE's.
/// </summary>
public static class SaeCallScope
{
    private static readonly AsyncLocal<SaeCallPriority?> Current = new();

    /// <summary>The priority in force: <see cref="SaeCallPriority.Normal"/> unless a scope says otherwise.</summary>
    public static SaeCallPriority Priority => Current.Value ?? SaeCallPriority.Normal;

    /// <summary>Sets the priority until the returned scope is disposed.</summary>
    public static IDisposable With(SaeCallPriority priority)
    {
        var previous = Current.Value;
        Current.Value = priority;
        return new Restore(previous);
    }

    private sealed class Restore(SaeCallPriority? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
