using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae.Errors;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// SAE client failures turned into the data activities return: a <see cref="SaeFailure"/> for people and, for a read, a
/// measurement error whose class says how it counts. The client's <see cref="SaeErrorKind"/> stays here, at the boundary.
/// </summary>
public static class SaeFailures
{
    /// <summary>An SAE error as data: SAE's code (or the failure's kind when SAE gave none), message, request id, retry-after.</summary>
    public static SaeFailure From(SaeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new SaeFailure(exception.Code ?? exception.Kind.ToString(), exception.ErrorMessage ?? exception.Message, exception.RequestId, exception.RetryAfter);
    }

    /// <summary>A configuration problem (missing credentials, say): retrying will not fix it.</summary>
    public static SaeFailure From(SaeConfigurationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new SaeFailure("ChangeGuard.Configuration", exception.Message, null, null);
    }

    /// <summary>
    /// A failed read as a measurement error: not found, no permission, an invalid parameter or credential are permanent
    /// (reading again will not change them); everything else may pass.
    /// </summary>
    public static MeasurementError ErrorOf(SaeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new MeasurementError(SaeErrorClassifier.IsPermanent(exception.Kind) ? ErrorClass.Permanent : ErrorClass.Transient, Describe(From(exception)));
    }

    /// <summary>Missing or unusable credentials: a permanent error.</summary>
    public static MeasurementError ErrorOf(SaeConfigurationException exception) => MeasurementError.Permanent(Describe(From(exception)));

    private static string Describe(SaeFailure failure) =>
        failure.RequestId is null ? failure.ToString() : $"{failure} (request id {failure.RequestId})";
}
