using ChangeGuard.Domain;
namespace ChangeGuard.Sae.Configuration;

/// <summary>
/// How the client reaches SAE. Bound from the <c>Sae</c> configuration section; every field has a safe default
/// so that only credentials (or an endpoint for the simulator) need setting.
/// </summary>
public sealed class SaeClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Sae";

    /// <summary>An explicit endpoint for every region, such as <c>http://127.0.0.1:18080</c> for the simulator.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>AccessKey ID; when empty, <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c> is read.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>AccessKey secret; when empty, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> is read.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>STS token; when empty, <c>ALIBABA_CLOUD_SECURITY_TOKEN</c> is read.</summary>
    public string? SecurityToken { get; set; }

    /// <summary>How long one HTTP attempt may take before it counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts for a read (writes are never retried by the client).</summary>
    public int MaxReadAttempts { get; set; } = 3;

    /// <summary>First retry delay for reads; doubles per attempt, with full jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest the client waits between two read attempts, retry-after included.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The call budget per AccessKey shared by every call of this process (section <c>Sae:Budget</c>).</summary>
    public SaeBudgetOptions Budget { get; set; } = new();

    /// <summary>The problems with the values that can be checked without a request, each naming its setting.</summary>
    public IEnumerable<ValidationError> Validate()
    {
        if (Endpoint is not null && (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationError("Sae:Endpoint", $"must be an absolute http or https URL, not '{Endpoint}'");
        }

        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationError("Sae:AttemptTimeout", "must be between 0 and 5 minutes");
        }

        if (MaxReadAttempts is < 1 or > 10)
        {
            yield return new ValidationError("Sae:MaxReadAttempts", "must be between 1 and 10");
        }

        if (Budget.CallsPerMinute is < 0 or > 100_000)
        {
            yield return new ValidationError("Sae:Budget:CallsPerMinute", "must be between 0 (no budget) and 100000");
        }

        if (Budget.BurstSeconds is < 1 or > 30)
        {
            yield return new ValidationError("Sae:Budget:BurstSeconds", "must be between 1 and 30");
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay)
        {
            yield return new ValidationError("Sae:RetryBaseDelay", "must be at least 0 and at most Sae:MaxRetryDelay");
        }
    }
}
