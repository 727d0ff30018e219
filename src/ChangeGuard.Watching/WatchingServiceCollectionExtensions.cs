using ChangeGuard.Domain.Settings;
using ChangeGuard.Notifications;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Signals;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Guard;
using ChangeGuard.Watching.Orchestration;
using ChangeGuard.Watching.Planning;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the watching workflow, with the integrations it reads and acts through, once for every host.</summary>
public static class WatchingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SAE client (section <c>Sae</c>), the signals (<c>ChangeGuard:Signals</c>), the notification channels
    /// (<c>ChangeGuard:Notifications</c>), the default policy (<c>ChangeGuard</c>), the rollback guard
    /// (<c>ChangeGuard:Guard</c>), the activities' services and the watch API factory, all checked at start-up with
    /// messages naming the setting.
    /// </summary>
    public static IServiceCollection AddChangeGuardWatching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSaeClient(configuration);
        services.AddChangeGuardSignals(configuration);
        services.AddChangeGuardNotifications(configuration);
        services.AddOptions<ChangeGuardOptions>()
            .Bind(configuration.GetSection(ChangeGuardOptions.SectionName))
            .ValidateFields<ChangeGuardOptions, IOptions<SignalOptions>>((options, signals) => options.Validate(signals.Value));
        services.AddOptions<RollbackGuardOptions>()
            .Bind(configuration.GetSection(RollbackGuardOptions.SectionName))
            .ValidateFields(options => options.Validate());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HealthReader>();
        services.TryAddSingleton<PollPlanner>();
        services.TryAddSingleton<ChangeOrderAborter>();
        services.TryAddSingleton<BatchPromoter>();
        services.TryAddTransient<ReadHealthActivity>();
        services.TryAddTransient<ReadSignalsActivity>();
        services.TryAddTransient<AbortChangeOrderActivity>();
        services.TryAddTransient<ConfirmAbortActivity>();
        services.TryAddTransient<PromoteBatchActivity>();
        services.TryAddTransient<NotifyActivity>();
        services.TryAddSingleton<ChangeOrderCheck>();
        services.TryAddSingleton<WatchApiFactory>();
        services.TryAddSingleton<WatchCensus>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ChangeGuardOptions>>().Value;
            return new WatchRequestValidator(options.Policy, sp.GetRequiredService<ISaeCredentialSource>(), options.PollsPerGeneration,
                sp.GetRequiredService<IOptions<NotificationOptions>>().Value, sp.GetRequiredService<IOptions<SignalOptions>>().Value);
        });
        services.TryAddSingleton<WatchPreviewer>();
        services.TryAddSingleton(sp => new RollbackGuard(
            sp.GetRequiredService<ISaeClient>(),
            sp.GetRequiredService<IOptions<RollbackGuardOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RollbackGuard>>(),
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
            .AddActivity<PromoteBatchActivity>()
            .AddActivity<NotifyActivity>();
    }
}
