namespace ChangeGuard.Testing.Options;

/// <summary>The common part of the test settings builders: values by configuration key, built without the unset ones.</summary>
public abstract class SettingsBuilder
{
    /// <summary>The values set so far; null means unset.</summary>
    protected Dictionary<string, string?> Values { get; } = [];

    /// <summary>The settings, with <paramref name="more"/> over them.</summary>
    public Dictionary<string, string?> Build(IDictionary<string, string?>? more = null)
    {
        var values = new Dictionary<string, string?>(Values.Where(v => v.Value is not null));
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }
}
