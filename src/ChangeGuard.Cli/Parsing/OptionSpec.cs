namespace ChangeGuard.Cli.Parsing;

/// <summary>One option a command accepts: its name, whether it takes a value, and its help line.</summary>
public sealed record OptionSpec(string Name, string? ValueName, string Help)
{
    /// <summary>True for options followed by a value.</summary>
    public bool TakesValue => ValueName is not null;

    /// <summary>The help line: <c>  --poll-interval DURATION   time between polls</c>.</summary>
    public string HelpLine => $"  {(TakesValue ? $"{Name} {ValueName}" : Name),-34} {Help}";
}
