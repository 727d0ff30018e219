using System.Globalization;
using System.Text.Json;
using ChangeGuard.Domain.Json;

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// A policy field of type <typeparamref name="T"/>, with typed access to it on <see cref="WatchPolicy"/> and on
/// <see cref="WatchPolicyOverrides"/> and its bounds: <see cref="Min"/> to <see cref="Max"/>, a minimum taken from
/// another field (<see cref="AtLeast"/>: a timeout is at least the poll interval), or an enum's defined values.
/// </summary>
public sealed class PolicyField<T> : PolicyField
    where T : struct
{
    private readonly Func<WatchPolicy, T> _get;
    private readonly Func<WatchPolicy, T, WatchPolicy> _set;
    private readonly Func<WatchPolicyOverrides, T?> _getOverride;
    private readonly Func<WatchPolicyOverrides, T?, WatchPolicyOverrides> _setOverride;

    /// <summary>A field named <paramref name="name"/> in JSON, read and set on a policy and on overrides by the given functions.</summary>
    public PolicyField(
        string name,
        string doc,
        Func<WatchPolicy, T> get,
        Func<WatchPolicy, T, WatchPolicy> set,
        Func<WatchPolicyOverrides, T?> getOverride,
        Func<WatchPolicyOverrides, T?, WatchPolicyOverrides> setOverride)
        : base(name, doc)
    {
        _get = get ?? throw new ArgumentNullException(nameof(get));
        _set = set ?? throw new ArgumentNullException(nameof(set));
        _getOverride = getOverride ?? throw new ArgumentNullException(nameof(getOverride));
        _setOverride = setOverride ?? throw new ArgumentNullException(nameof(setOverride));
    }

    /// <summary>The smallest value allowed, if any.</summary>
    public T? Min { get; init; }

    /// <summary>The largest value allowed, if any.</summary>
    public T? Max { get; init; }

    /// <summary>The field whose value is the smallest allowed, if any (instead of <see cref="Min"/>).</summary>
    public PolicyField<T>? AtLeast { get; init; }

    /// <summary>The default, from <see cref="WatchPolicy.Default"/>.</summary>
    public T Default => _get(WatchPolicy.Default);

    /// <inheritdoc />
    public override Type ValueType => typeof(T);

    /// <inheritdoc />
    public override string DefaultText => Format(Default);

    /// <inheritdoc />
    public override IReadOnlyList<string> Choices { get; } =
        typeof(T).IsEnum ? [.. Enum.GetNames(typeof(T)).Select(JsonNamingPolicy.CamelCase.ConvertName)] : [];

    /// <inheritdoc />
    public override string? BoundsText => (Low, High) switch
    {
        (null, null) => null,
        (not null, null) => $"at least {Low}",
        (null, not null) => $"at most {High}",
        _ when AtLeast is not null => $"at least {Low}, at most {High}",
        _ => $"{Low} to {High}",
    };

    /// <inheritdoc />
    public override string? BoundsMessage => Choices.Count > 0 ? "must be " + Either(Choices) : (Low, High) switch
    {
        (null, null) => null,
        (not null, null) => $"must be at least {Low}",
        (null, not null) => $"must be at most {High}",
        _ when AtLeast is not null => $"must be at least {Low} and at most {High}",
        _ => $"must be between {Low} and {High}",
    };

    private string? Low => AtLeast?.Name ?? (Min is { } min ? FormatBound(min) : null);

    private string? High => Max is { } max ? FormatBound(max) : null;

    /// <summary>The field's value in <paramref name="policy"/>.</summary>
    public T Get(WatchPolicy policy) => _get(policy ?? throw new ArgumentNullException(nameof(policy)));

    /// <summary>A copy of <paramref name="policy"/> with the field set to <paramref name="value"/>.</summary>
    public WatchPolicy Set(WatchPolicy policy, T value) => _set(policy ?? throw new ArgumentNullException(nameof(policy)), value);

    /// <summary>The field's override, or null when the overrides leave it alone.</summary>
    public T? GetOverride(WatchPolicyOverrides overrides) => _getOverride(overrides ?? throw new ArgumentNullException(nameof(overrides)));

    /// <summary>A copy of <paramref name="overrides"/> with the field's override set (null clears it).</summary>
    public WatchPolicyOverrides SetOverride(WatchPolicyOverrides overrides, T? value) =>
        _setOverride(overrides ?? throw new ArgumentNullException(nameof(overrides)), value);

    /// <summary>
    /// Why <paramref name="value"/> is refused (<see cref="BoundsMessage"/>), or null when it is allowed. A minimum taken
    /// from another field (<see cref="AtLeast"/>) is checked only when <paramref name="policy"/> gives that field.
    /// </summary>
    public string? Refusal(T value, WatchPolicy? policy = null)
    {
        if (Choices.Count > 0)
        {
            return Enum.IsDefined(typeof(T), value) ? null : BoundsMessage;
        }

        var low = AtLeast is not null ? (policy is null ? null : AtLeast.Get(policy)) : Min;
        var allowed = (low is not { } l || Comparer<T>.Default.Compare(value, l) >= 0)
            && (Max is not { } h || Comparer<T>.Default.Compare(value, h) <= 0);
        return allowed ? null : BoundsMessage;
    }

    /// <summary>A value as JSON and the CLI write it: <c>15s</c>, <c>0.25</c>, <c>stopWatching</c>, <c>true</c>.</summary>
    public static string Format(T value) => value switch
    {
        TimeSpan duration => DurationFormat.Format(duration),
        bool flag => flag ? "true" : "false",
        Enum named => JsonNamingPolicy.CamelCase.ConvertName(named.ToString()),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // Bounds of a day or more read better in hours (24h, not 1d); both parse as the same duration.
    private static string FormatBound(T value) =>
        value is TimeSpan { Ticks: > 0 } duration && duration >= TimeSpan.FromDays(1) && duration.Ticks % TimeSpan.TicksPerHour == 0
            ? $"{(long)duration.TotalHours}h"
            : Format(value);

    /// <inheritdoc />
    public override object ValueIn(WatchPolicy policy) => Get(policy);

    /// <inheritdoc />
    public override WatchPolicyOverrides Override(WatchPolicyOverrides overrides, object value) =>
        SetOverride(overrides, value is T typed ? typed : throw new ArgumentException($"{Name} takes a {typeof(T).Name}, not {value?.GetType().Name ?? "null"}", nameof(value)));

    /// <inheritdoc />
    public override WatchPolicy ApplyOverride(WatchPolicyOverrides overrides, WatchPolicy policy) =>
        GetOverride(overrides) is { } value ? Set(policy, value) : policy;

    /// <inheritdoc />
    public override bool Same(WatchPolicy left, WatchPolicy right) => EqualityComparer<T>.Default.Equals(Get(left), Get(right));

    /// <inheritdoc />
    public override ValidationError? Check(WatchPolicy policy, string prefix) =>
        Refusal(Get(policy), policy) is { } message ? new ValidationError($"{prefix}.{Name}", message) : null;

    private static string Either(IReadOnlyList<string> choices) =>
        choices.Count <= 2 ? string.Join(" or ", choices) : $"{string.Join(", ", choices.Take(choices.Count - 1))} or {choices[^1]}";
}
