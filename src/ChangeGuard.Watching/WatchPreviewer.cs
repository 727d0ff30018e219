using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Quota;
using ChangeGuard.Signals;
using ChangeGuard.Watching.Activities;

namespace ChangeGuard.Watching;

/// <summary>
/// A watch's first poll, now, without starting a watch (what <c>changeguard status</c> shows). It judges exactly as a
/// watch would: the request is validated by the same <see cref="WatchRequestValidator"/> (the configured default policy
/// with the request's fields over it), SAE and the signals are measured by the same readers, and the same
/// <see cref="Assessor"/> decides, for a watch that started with the order (so restarts count since each new instance
/// started). The app may be left out of the request: it is then the order's own.
/// </summary>
public sealed class WatchPreviewer(WatchRequestValidator requests, HealthReader health, SignalReader signals, ISaeClient sae, TimeProvider time)
{
    /// <summary>Previews a watch of the order in <paramref name="request"/>.</summary>
    public async Task<WatchPreview> PreviewAsync(WatchStartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.AppId) && !string.IsNullOrWhiteSpace(request.RegionId) && !string.IsNullOrWhiteSpace(request.ChangeOrderId))
        {
            var owner = await OwnerAsync(request.RegionId, request.ChangeOrderId, cancellationToken).ConfigureAwait(false);
            if (owner.Error is { } error)
            {
                return WatchPreview.Invalid([error]);
            }

            request = request with { AppId = owner.AppId };
        }

        var (input, errors) = requests.Validate(request);
        if (input is null)
        {
            return WatchPreview.Invalid(errors);
        }

        var target = input.Target;
        var measured = await health.ReadAsync(new ReadHealthRequest(target.RegionId, target.AppId, target.ChangeOrderId, null), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SignalMeasurement>? signalMeasurements = input.Policy.Signals.Count == 0
            ? null
            : await signals.ReadAsync(new SignalContext(target.RegionId, target.AppId, target.ChangeOrderId, measured.Snapshot?.Order.AppName),
                input.Policy.Signals, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var watch = new WatchContext(target, input.Policy, measured.Snapshot?.Order.StartedAt ?? now);
        var assessment = Assessor.Assess(watch, WatchState.Initial, new PollMeasurements(measured, signalMeasurements), now);
        return new WatchPreview(target, input.Policy, measured, assessment, []);
    }

    private async Task<(string? AppId, ValidationError? Error)> OwnerAsync(string regionId, string changeOrderId, CancellationToken cancellationToken)
    {
        try
        {
            using var priority = SaeCallScope.With(SaeCallPriority.Elevated);
            var order = await sae.DescribeChangeOrderAsync(regionId, changeOrderId, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(order.AppId)
                ? (null, new ValidationError("appId", "is required: the change order names no app"))
                : (order.AppId, null);
        }
        catch (SaeException ex) when (ex.Kind == SaeErrorKind.NotFound)
        {
            return (null, new ValidationError("changeOrderId", $"SAE has no change order '{changeOrderId}' in {regionId} ({ex.Code})"));
        }
        catch (SaeException ex)
        {
            return (null, new ValidationError("appId", $"could not be read from the change order ({ex.Code ?? ex.Kind.ToString()}: {ex.ErrorMessage}); pass it"));
        }
    }
}
