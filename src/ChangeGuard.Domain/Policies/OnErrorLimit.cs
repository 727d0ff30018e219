namespace ChangeGuard.Domain.Policies;

/// <summary>What a watch does when SAE could not be read too many times in a row.</summary>
public enum OnErrorLimit
{
    /// <summary>Abort the change: a guard that cannot see should fail safe (the default).</summary>
    Abort,

    /// <summary>Stop watching and leave the change alone.</summary>
    StopWatching,
}
