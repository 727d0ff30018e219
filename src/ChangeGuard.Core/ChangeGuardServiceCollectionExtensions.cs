using ChangeGuard.Core.Activities;
using ChangeGuard.Core.Guard;
using ChangeGuard.Core.Notifications;
using ChangeGuard.Core.Notifications.Delivery;
using ChangeGuard.Core.Orchestration;
using ChangeGuard.Core.Signals;
using ChangeGuard.Core.Signals.Probes;
using ChangeGuard.Core.Signals.Prometheus;
using ChangeGuard.Core.Watching;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Credentials;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Core;

/// <summary>Registers ChangeGuard's engine parts once, for every host.</summary>
public static class ChangeGuardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SAE client (section <c>Sae</c>), the default policy (section <c>ChangeGuard:Policy</c>), the rollback
    /// guard (section <c>ChangeGuard:Guard</c>), the notification channels (section <c>ChangeGuard:Notifications</c>), the
    /// activities' services and the watch API factory, all validated at start-up with messages naming the setting.
    /// </summary>
    public static IServiceCollection AddChangeGuardCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSaeClient();
        services.AddOptions<SaeClientOptions>().Bind(configuration.GetSection(SaeClientOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ChangeGuardOptions>()
            .Bind(configuration.GetSection(ChangeGuardOptions.SectionName))
            .ValidateOnStart();
        services.AddOptions<RollbackGuardOptions>()
            .Bind(configuration.GetSection(RollbackGuardOptions.SectionName))
            .ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<ChangeGuardOptions>, ChangeGuardOptionsValidator>();
        services.TryAddSingleton<IValidateOptions<RollbackGuardOptions>, RollbackGuardOptionsValidator>();
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddOptions<SignalOptions>()
            .Bind(configuration.GetSection(SignalOptions.SectionName))
            .ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<SignalOptions>, SignalOptionsValidator>();

        // Channel URLs can be credentials (Slack, Teams, DingTalk's access token): no logging handlers on this client.
        services.AddHttpClient(NotificationSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
            })
            .RemoveAllLoggers();

        // Probe and Prometheus requests carry configured secrets in headers: no logging handlers, no redirects (a
        // redirect could leave the probe allow-list).
        services.AddHttpClient(SignalReader.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
            })
            .RemoveAllLoggers();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HealthReader>();
        services.TryAddSingleton<Budget.PollPlanner>();
        services.TryAddSingleton<ChangeOrderAborter>();
        services.TryAddTransient<ReadHealthActivity>();
        services.TryAddTransient<AbortChangeOrderActivity>();
        services.TryAddTransient<ConfirmAbortActivity>();
        services.TryAddSingleton<NotificationSender>();
        services.TryAddSingleton<ChannelRateLimiter>();
        services.TryAddSingleton<RecentlySent>();
        services.TryAddSingleton<NotificationDelivery>();
        services.TryAddTransient<NotifyActivity>();
        services.TryAddSingleton<PrometheusQueryReader>();
        services.TryAddSingleton<HttpProbeReader>();
        services.TryAddSingleton<SignalReader>();
        services.TryAddTransient<ReadSignalsActivity>();
        services.TryAddSingleton<ChangeOrderCheck>();
        services.TryAddSingleton<WatchApiFactory>();
        services.TryAddSingleton(sp => new RollbackGuard(
            sp.GetRequiredService<ISaeClient>(),
            sp.GetRequiredService<IOptions<RollbackGuardOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RollbackGuard>>(),
            sp.GetRequiredService<NotificationDelivery>()));
        return services;
    }

    /// <summary>Adds the watch orchestration and its activities to a Durable Task registry.</summary>
    public static DurableTaskRegistry AddChangeGuardTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<WatchOrchestrator>()
            .AddActivity<ReadHealthActivity>()
            .AddActivity<ReadSignalsActivity>()
            .AddActivity<AbortChangeOrderActivity>()
            .AddActivity<ConfirmAbortActivity>()
            .AddActivity<NotifyActivity>();
    }
}

/// <summary>Creates a <see cref="WatchApi"/> over a host's <see cref="DurableTaskClient"/> with the configured defaults.</summary>
public sealed class WatchApiFactory(
    IOptions<ChangeGuardOptions> options,
    ISaeCredentialSource credentials,
    IOptions<NotificationOptions>? notifications = null,
    IOptions<SignalOptions>? signals = null,
    ChangeOrderCheck? check = null)
{
    /// <summary>A watch API over the given client.</summary>
    public WatchApi Create(DurableTaskClient client) =>
        new(client, options.Value.Policy, credentials, options.Value.PollsPerGeneration, notifications?.Value, signals?.Value, check);
}

internal sealed partial class ChangeGuardOptionsValidator(IOptions<SignalOptions>? signals = null) : IValidateOptions<ChangeGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, ChangeGuardOptions options)
    {
        var errors = options.Policy.Validate("ChangeGuard:Policy").ToList();
        if (signals is not null)
        {
            // Signals of the default policy reach every watch, adopted ones too: their servers, secrets and probe
            // targets must exist before the first watch starts, not fail each start.
            errors.AddRange(signals.Value.Check(options.Policy.Signals, "ChangeGuard:Policy.signals"));
        }

        if (options.PollsPerGeneration is < 2 or > 500)
        {
            errors.Add(new Policy.ValidationError("ChangeGuard:PollsPerGeneration", "must be between 2 and 500"));
        }

        if (options.KeepEndedWatches < TimeSpan.Zero || options.KeepEndedWatches > TimeSpan.FromDays(3650))
        {
            errors.Add(new Policy.ValidationError("ChangeGuard:KeepEndedWatches", "must be between 0 (keep all) and 3650 days"));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"{SettingName(e.Field)} {e.Message}"));
    }

    /// <summary>A policy field path as the setting it came from: <c>ChangeGuard:Policy:signals:0:http:url</c>.</summary>
    private static string SettingName(string field) => Index().Replace(field, ":$1").Replace('.', ':');

    [System.Text.RegularExpressions.GeneratedRegex(@"\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex Index();
}

internal sealed class RollbackGuardOptionsValidator : IValidateOptions<RollbackGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, RollbackGuardOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"{e.Field} {e.Message}"));
    }
}

internal sealed class SignalOptionsValidator : IValidateOptions<SignalOptions>
{
    public ValidateOptionsResult Validate(string? name, SignalOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"{e.Field} {e.Message}"));
    }
}

internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"{e.Field} {e.Message}"));
    }
}
