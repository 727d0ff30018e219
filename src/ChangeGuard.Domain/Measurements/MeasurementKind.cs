namespace ChangeGuard.Domain.Measurements;

/// <summary>What a reader got from a source: a value, nothing to judge, or an error.</summary>
public enum MeasurementKind
{
    /// <summary>A value was read.</summary>
    Value,

    /// <summary>The source answered, but with nothing to judge (an empty query result, only NaN).</summary>
    NoData,

    /// <summary>The source could not be read; see the error's class.</summary>
    Error,
}
