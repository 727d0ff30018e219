using System.Text.RegularExpressions;

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// A header a probe sends. Its value is a secret configured under <c>ChangeGuard:Signals:Secrets:{valueFrom}</c>, so a
/// token never travels in a watch request, its history or its status.
/// </summary>
public sealed partial record ProbeHeader
{
    /// <summary>The header's name, such as <c>Authorization</c>.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The name of the configured secret that holds the value.</summary>
    public string ValueFrom { get; init; } = string.Empty;

    /// <summary>The problems with this header, fields named under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<ValidationError> Validate(string prefix)
    {
        var errors = new List<ValidationError>();
        if (!TokenPattern().IsMatch(Key ?? string.Empty) || string.Equals(Key, "Host", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new($"{prefix}.key", "must be an HTTP header name (not Host)"));
        }

        if (!SecretNamePattern().IsMatch(ValueFrom ?? string.Empty))
        {
            errors.Add(new($"{prefix}.valueFrom", "must name a secret under ChangeGuard:Signals:Secrets (1 to 64 letters, digits or -_.)"));
        }

        return errors;
    }

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex SecretNamePattern();
}
