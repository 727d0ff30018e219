namespace ChangeGuard.Domain.Policies;

/// <summary>
/// One field of the watch policy, described once in <see cref="PolicyFields"/>: its JSON name, type, default, bounds
/// and doc. <see cref="WatchPolicy.Validate"/>, <see cref="WatchPolicyOverrides.ApplyTo"/>, policy equality and the
/// CLI's options and help derive from it, so a field added to the table reaches every one of them.
/// </summary>
public abstract class PolicyField
{
    private protected PolicyField(string name, string doc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(doc);
        Name = name;
        Doc = doc;
    }

    /// <summary>The name in JSON and in validation errors, such as <c>pollInterval</c>.</summary>
    public string Name { get; }

    /// <summary>One line for help: what the field does, such as <c>time between polls</c>.</summary>
    public string Doc { get; }

    /// <summary>The type of the field's value on <see cref="WatchPolicy"/>.</summary>
    public abstract Type ValueType { get; }

    /// <summary>The default (read from <see cref="WatchPolicy.Default"/>) as JSON and the CLI write it: <c>15s</c>, <c>0.25</c>, <c>abort</c>.</summary>
    public abstract string DefaultText { get; }

    /// <summary>The bounds for help, such as <c>1s to 10m</c>; null when the type alone bounds the field.</summary>
    public abstract string? BoundsText { get; }

    /// <summary>What a refused value is told, such as <c>must be between 1s and 10m</c>; null when no value is refused.</summary>
    public abstract string? BoundsMessage { get; }

    /// <summary>The values of an enum field as written (<c>abort</c>, <c>stopWatching</c>); empty for other fields.</summary>
    public abstract IReadOnlyList<string> Choices { get; }

    /// <summary>The field's value in <paramref name="policy"/>, boxed, for code that handles every field alike.</summary>
    public abstract object ValueIn(WatchPolicy policy);

    /// <summary>The overrides with this field set to <paramref name="value"/> (boxed; of <see cref="ValueType"/>).</summary>
    public abstract WatchPolicyOverrides Override(WatchPolicyOverrides overrides, object value);

    /// <summary>The policy with the field's override applied, or as it is when the overrides leave the field alone.</summary>
    public abstract WatchPolicy ApplyOverride(WatchPolicyOverrides overrides, WatchPolicy policy);

    /// <summary>True when both policies hold the same value for this field.</summary>
    public abstract bool Same(WatchPolicy left, WatchPolicy right);

    /// <summary>The error for this field of <paramref name="policy"/>, named <c>prefix.name</c>, or null when it is within bounds.</summary>
    public abstract ValidationError? Check(WatchPolicy policy, string prefix);

    /// <inheritdoc />
    public override string ToString() => Name;
}
