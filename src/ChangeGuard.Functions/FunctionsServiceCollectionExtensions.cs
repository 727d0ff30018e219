using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Watching.Guard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeGuard.Functions;

/// <summary>
/// What the Functions app adds to the worker's container: Core's engine parts, validated at start-up, plus the two
/// checks only this host needs. Tests build the same container to prove a bad setting stops start-up.
/// </summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The setting the Functions host reads the <c>RollbackGuard</c> timer's schedule from.</summary>
    public const string ScheduleSetting = RollbackGuardOptions.SectionName + ":" + nameof(RollbackGuardOptions.Schedule);

    /// <summary>
    /// Adds ChangeGuard's services (sections <c>Sae</c>, <c>ChangeGuard:Policy</c>, <c>ChangeGuard:Guard</c>), and requires
    /// <see cref="ScheduleSetting"/> to be set (the host cannot index the timer without it) and SAE credentials to
    /// resolve (every watch needs them).
    /// </summary>
    public static IServiceCollection AddChangeGuardFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddChangeGuardFunctions(configuration, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="AddChangeGuardFunctions(IServiceCollection, IConfiguration)"/>, with the environment given (tests pass their own).</summary>
    public static IServiceCollection AddChangeGuardFunctions(this IServiceCollection services, IConfiguration configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        services.AddChangeGuardWatching(configuration);
        services.AddOptions<RollbackGuardOptions>().Validate(
            _ => !string.IsNullOrWhiteSpace(configuration[ScheduleSetting]),
            $"{ScheduleSetting} is required: the Functions host reads the RollbackGuard timer's schedule from it " +
            "(app setting ChangeGuard__Guard__Schedule, for example '0 */5 * * * *').");
        services.AddOptions<SaeClientOptions>().Validate(options =>
        {
            // Throws SaeConfigurationException naming Sae:AccessKeyId / ALIBABA_CLOUD_ACCESS_KEY_ID when nothing resolves.
            SaeCredentialResolver.Resolve(options, environment);
            return true;
        });
        return services;
    }
}
