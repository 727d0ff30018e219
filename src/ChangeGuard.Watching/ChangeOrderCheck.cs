using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Quota;

namespace ChangeGuard.Watching;

/// <summary>
/// Before a watch starts: does the change order exist, and does it belong to the app? A mistyped id must be answered
/// at once, not found out by a watch whose fail-safe would abort a healthy rollout. One DescribeChangeOrder; when SAE
/// cannot be read right now the watch starts anyway and its first poll finds out (a permanent refusal then ends it).
/// </summary>
public sealed class ChangeOrderCheck(ISaeClient sae)
{
    /// <summary>What SAE says of the order: fine (or unknown for now), not found, or invalid with the field at fault.</summary>
    public async Task<ChangeOrderCheckResult> CheckAsync(WatchTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            using var priority = SaeCallScope.With(SaeCallPriority.Elevated);
            var order = await sae.DescribeChangeOrderAsync(target.RegionId, target.ChangeOrderId, cancellationToken).ConfigureAwait(false);
            if (order.AppId is { Length: > 0 } owner && !string.Equals(owner, target.AppId, StringComparison.OrdinalIgnoreCase))
            {
                return ChangeOrderCheckResult.Invalid(new ValidationError("appId",
                    $"change order '{target.ChangeOrderId}' belongs to app '{owner}', not '{target.AppId}'"));
            }

            return ChangeOrderCheckResult.Found;
        }
        catch (SaeException ex) when (ex.Kind == SaeErrorKind.NotFound)
        {
            return new ChangeOrderCheckResult(ChangeOrderCheckStatus.NotFound,
                [new ValidationError("changeOrderId", $"SAE has no change order '{target.ChangeOrderId}' in {target.RegionId} ({ex.Code})")]);
        }
        catch (SaeException ex) when (ex.Kind is SaeErrorKind.PermissionDenied or SaeErrorKind.Unauthenticated)
        {
            return ChangeOrderCheckResult.Invalid(new ValidationError("credentials",
                $"SAE refused to let the configured AccessKey read change order '{target.ChangeOrderId}' ({ex.Code}: {ex.ErrorMessage})"));
        }
        catch (SaeException ex) when (ex.Kind == SaeErrorKind.InvalidParameter)
        {
            return ChangeOrderCheckResult.Invalid(new ValidationError("changeOrderId", $"SAE rejected it ({ex.Code}: {ex.ErrorMessage})"));
        }
        catch (SaeException)
        {
            // Throttled, unreachable, a malformed answer: not a verdict on the request. The watch reads again.
            return ChangeOrderCheckResult.Unknown;
        }
    }
}
