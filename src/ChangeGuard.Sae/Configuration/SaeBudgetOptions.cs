namespace ChangeGuard.Sae.Configuration;

/// <summary>
/// The SAE call budget per AccessKey (section <c>Sae:Budget</c>). SAE throttles an account at about 60 calls a minute;
/// the default of 50 leaves headroom for other tools on the account.
/// </summary>
public sealed class SaeBudgetOptions
{
    /// <summary>Calls per minute per AccessKey for this process; 0 switches the budget off.</summary>
    public int CallsPerMinute { get; set; } = 50;

    /// <summary>Seconds' worth of calls that may go out in a burst (1 to 30; default 5). Smaller is smoother.</summary>
    public double BurstSeconds { get; set; } = 5;

    /// <summary>How long everyone pauses after a <c>Throttling*</c> answer without a retry-after.</summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>True when a budget applies.</summary>
    public bool Enabled => CallsPerMinute > 0;
}
