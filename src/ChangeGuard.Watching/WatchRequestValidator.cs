using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Notifications;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Signals;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Watching;

/// <summary>
/// Turns a start request into a watch's input, or into errors naming each bad field: the ids, the policy (the
/// configured defaults with the request's fields over them), its signals against the configured servers, secrets and
/// probe targets, its notification channels, and whether SAE credentials are configured. One rule for starting a
/// watch and previewing one.
/// </summary>
public sealed class WatchRequestValidator(
    WatchPolicy defaults,
    ISaeCredentialSource credentials,
    int pollsPerGeneration = WatchInput.DefaultPollsPerGeneration,
    NotificationOptions? notifications = null,
    SignalOptions? signals = null)
{
    /// <summary>Most channels one watch may notify.</summary>
    public const int MaxNotifyChannels = 10;

    /// <summary>Validates a start request into the orchestration's input; errors name each bad field.</summary>
    public (WatchInput? Input, IReadOnlyList<ValidationError> Errors) Validate(WatchStartRequest? request)
    {
        var errors = new List<ValidationError>();
        if (request is null)
        {
            errors.Add(new ValidationError("body", "a JSON object with regionId, appId and changeOrderId is required"));
            return (null, errors);
        }

        if (string.IsNullOrWhiteSpace(request.RegionId))
        {
            errors.Add(new ValidationError("regionId", "is required, such as cn-hangzhou"));
        }
        else if (!SaeRegion.IsValid(request.RegionId))
        {
            errors.Add(new ValidationError("regionId", $"'{Clip(request.RegionId)}' is not a region id such as cn-hangzhou"));
        }

        CheckId(request.AppId, "appId", errors);
        CheckId(request.ChangeOrderId, "changeOrderId", errors);
        if (request.RequestedBy is { Length: > 256 })
        {
            errors.Add(new ValidationError("requestedBy", "must be at most 256 characters"));
        }

        var policy = (request.Policy ?? new WatchPolicyOverrides()).ApplyTo(defaults);
        errors.AddRange(policy.Validate("policy"));
        errors.AddRange((signals ?? new SignalOptions()).Check(policy.Signals ?? [], "policy.signals"));
        var subscriptions = Subscriptions(request.Policy?.Notify, errors);

        if (errors.Count == 0)
        {
            try
            {
                credentials.GetCredentials();
            }
            catch (SaeConfigurationException ex)
            {
                errors.Add(new ValidationError("credentials", ex.Message));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var target = new WatchTarget(request.RegionId!, request.AppId!, request.ChangeOrderId!);
        return (new WatchInput(target, policy, request.RequestedBy, PollsPerGeneration: pollsPerGeneration, Notify: subscriptions), errors);
    }

    // The channels a watch notifies: the policy's names, checked against the configuration, or the configured defaults.
    private IReadOnlyList<ChannelSubscription>? Subscriptions(IReadOnlyList<string>? requested, List<ValidationError> errors)
    {
        var configured = notifications ?? new NotificationOptions();
        var names = requested ?? configured.Default;
        if (names.Count > MaxNotifyChannels)
        {
            errors.Add(new ValidationError("policy.notify", $"must name at most {MaxNotifyChannels} channels"));
            return null;
        }

        foreach (var name in names)
        {
            if (configured.Find(name) is null)
            {
                var known = configured.Channels.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", configured.Channels.Keys.Order(StringComparer.Ordinal));
                errors.Add(new ValidationError("policy.notify", $"'{Clip(name ?? string.Empty)}' is not a notification channel under ChangeGuard:Notifications:Channels ({known})"));
            }
        }

        var subscriptions = configured.Subscribe(names.Where(n => n is not null));
        return subscriptions.Count == 0 ? null : subscriptions;
    }

    private static void CheckId(string? value, string field, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ValidationError(field, "is required"));
        }
        else if (!WatchIds.IsValidId(value))
        {
            errors.Add(new ValidationError(field, "must be 1 to 128 letters, digits or -_.: characters"));
        }
    }

    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
