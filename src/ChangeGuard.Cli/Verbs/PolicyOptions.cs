using System.CommandLine;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// The policy fields as command-line options, generated from <see cref="PolicyFields"/>: <c>pollInterval</c> becomes
/// <c>--poll-interval DURATION</c>, its help the field's doc with its default and bounds, and a value out of bounds is
/// refused while parsing with the field's message. A true/false field that defaults to true becomes <c>--no-name</c>
/// (<c>--no-rollback</c>), one that defaults to false <c>--name</c> (<c>--dry-run</c>). New for each command built.
/// </summary>
public sealed class PolicyOptions
{
    private readonly List<(Option Option, Func<ParseResult, WatchPolicyOverrides, WatchPolicyOverrides> Read)> _options;

    /// <summary>One option per policy field.</summary>
    public PolicyOptions()
    {
        _options = [.. PolicyFields.All.Select(Create)];
    }

    /// <summary>The options, in the table's order.</summary>
    public IEnumerable<Option> All => _options.Select(o => o.Option);

    /// <summary>The option for a field: <c>--poll-interval</c>, <c>--no-rollback</c>, <c>--dry-run</c>.</summary>
    public static string NameOf(PolicyField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return (field is PolicyField<bool> { Default: true } ? "--no-" : "--") + Kebab(field.Name);
    }

    /// <summary>The option a validation error refers to: <c>policy.pollInterval</c> → <c>--poll-interval</c>, <c>regionId</c> → <c>--region</c>.</summary>
    public static string OptionFor(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = field.StartsWith("policy.", StringComparison.Ordinal) ? field["policy.".Length..] : field;
        if (name.StartsWith("signals", StringComparison.Ordinal))
        {
            return $"{SignalsFile.Name} ({name})";
        }

        return name switch
        {
            "regionId" => "--region",
            "credentials" => "credentials",
            _ when PolicyFields.Find(name) is { } policyField => NameOf(policyField),
            _ => "--" + Kebab(name),
        };
    }

    /// <summary>The overrides the options give; fields whose option is absent stay null (the configured default).</summary>
    public WatchPolicyOverrides Read(ParseResult parse) => Over(new WatchPolicyOverrides(), parse);

    /// <summary>The options given, over <paramref name="seed"/>: fields whose option is absent keep the seed's value.</summary>
    public WatchPolicyOverrides Over(WatchPolicyOverrides seed, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(parse);
        return _options.Aggregate(seed, (overrides, option) => option.Read(parse, overrides));
    }

    private static (Option, Func<ParseResult, WatchPolicyOverrides, WatchPolicyOverrides>) Create(PolicyField field) => field switch
    {
        PolicyField<TimeSpan> f => Bind(f, CliOptions.Duration(NameOf(f), Help(f), v => f.Refusal(v))),
        PolicyField<int> f => Bind(f, CliOptions.WholeNumber(NameOf(f), "N", Help(f), v => f.Refusal(v))),
        PolicyField<double> f => Bind(f, CliOptions.Number(NameOf(f), Help(f), v => f.Refusal(v))),
        PolicyField<OnErrorLimit> f => Bind(f, CliOptions.OneOf(NameOf(f), Help(f), f.Choices), text => Enum.Parse<OnErrorLimit>(text, ignoreCase: true)),
        PolicyField<bool> f => Flag(f),
        _ => throw new NotSupportedException($"policy field {field.Name} is a {field.ValueType.Name}, which has no command-line option yet"),
    };

    private static (Option, Func<ParseResult, WatchPolicyOverrides, WatchPolicyOverrides>) Bind<T>(PolicyField<T> field, Option<T?> option)
        where T : struct =>
        (option, (parse, overrides) => parse.GetValue(option) is { } value ? field.SetOverride(overrides, value) : overrides);

    private static (Option, Func<ParseResult, WatchPolicyOverrides, WatchPolicyOverrides>) Bind<T>(PolicyField<T> field, Option<string?> option, Func<string, T> convert)
        where T : struct =>
        (option, (parse, overrides) => parse.GetValue(option) is { } text ? field.SetOverride(overrides, convert(text)) : overrides);

    // A flag sets the field away from its default: --dry-run sets dryRun true, --no-rollback sets rollback false;
    // =false says the opposite.
    private static (Option, Func<ParseResult, WatchPolicyOverrides, WatchPolicyOverrides>) Flag(PolicyField<bool> field)
    {
        var option = CliOptions.Flag(NameOf(field), field.Default ? $"do not {field.Doc}" : field.Doc);
        return (option, (parse, overrides) => parse.GetResult(option) is not { IdentifierTokenCount: > 0 } ? overrides : field.SetOverride(overrides, parse.GetValue(option) != field.Default));
    }

    private static string Help(PolicyField field) =>
        $"{field.Doc} (default {field.DefaultText}{(field.BoundsText is { } bounds ? "; " + bounds : string.Empty)})";

    // promote.bakeTime → promote-bake-time: a section's fields read as one option name.
    private static string Kebab(string name) =>
        string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c == '.' ? "-" : c.ToString()));
}
