namespace ChangeGuard.Signals;

/// <summary>One series of an instant query's answer: its labels and value.</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The labels as PromQL writes them: <c>{service="checkout",pid="a1"}</c>.</summary>
    public override string ToString() =>
        "{" + string.Join(",", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
}
