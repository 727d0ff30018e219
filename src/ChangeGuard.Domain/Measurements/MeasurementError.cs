namespace ChangeGuard.Domain.Measurements;

/// <summary>Why a source could not be measured, with the class that decides how it counts. Never holds a secret.</summary>
/// <param name="Class">Transient or permanent.</param>
/// <param name="Message">One line a person can act on, with the source's own code where it has one.</param>
public sealed record MeasurementError(ErrorClass Class, string Message)
{
    /// <summary>A failure that reading again may cure.</summary>
    public static MeasurementError Transient(string message) => new(ErrorClass.Transient, message);

    /// <summary>A refusal that reading again will not change.</summary>
    public static MeasurementError Permanent(string message) => new(ErrorClass.Permanent, message);

    /// <inheritdoc />
    public override string ToString() => Message;
}
