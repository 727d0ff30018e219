using System.Text.RegularExpressions;
using ChangeGuard.Domain;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Signals;

namespace ChangeGuard.Watching;

/// <summary>The configured defaults every watch starts from (section <c>ChangeGuard</c>).</summary>
public sealed partial class ChangeGuardOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ChangeGuard";

    /// <summary>The default policy (section <c>ChangeGuard:Policy</c>); requests override single fields.</summary>
    /// <remarks>A fresh instance, never <see cref="WatchPolicy.Default"/>: the configuration binder sets properties on the instance it finds.</remarks>
    public WatchPolicy Policy { get; set; } = new();

    /// <summary>Polls per history generation before ContinueAsNew (2 to 500; default 10).</summary>
    public int PollsPerGeneration { get; set; } = Orchestration.WatchInput.DefaultPollsPerGeneration;

    /// <summary>
    /// How long an ended watch stays readable before <c>serve</c> purges it from the store (default 30 days; zero
    /// keeps every watch). Purging bounds the store's size and the in-memory engine's memory.
    /// </summary>
    public TimeSpan KeepEndedWatches { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The most watches that may run at once (default 500, 1 to 100000); a start beyond it is refused (HTTP 429) until
    /// one ends. SAE allows an account about 60 calls a minute, so far fewer watches than this poll at full speed; the
    /// cap keeps a runaway pipeline from filling the store. The rollback guard's adoptions count too.
    /// </summary>
    public int MaxActiveWatches { get; set; } = 500;

    /// <summary>
    /// The problems with these settings, named as settings (<c>ChangeGuard:Policy:signals:0:http:url</c>). The default
    /// policy's signals reach every watch, adopted ones too, so their servers, secrets and probe targets must exist
    /// before the first watch starts, not fail each start.
    /// </summary>
    public IEnumerable<ValidationError> Validate(SignalOptions signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var errors = Policy.Validate($"{SectionName}:Policy").Concat(signals.Check(Policy.Signals, $"{SectionName}:Policy.signals")).ToList();
        if (PollsPerGeneration is < 2 or > 500)
        {
            errors.Add(new ValidationError($"{SectionName}:PollsPerGeneration", "must be between 2 and 500"));
        }

        if (MaxActiveWatches is < 1 or > 100_000)
        {
            errors.Add(new ValidationError($"{SectionName}:MaxActiveWatches", "must be between 1 and 100000"));
        }

        if (KeepEndedWatches < TimeSpan.Zero || KeepEndedWatches > TimeSpan.FromDays(3650))
        {
            errors.Add(new ValidationError($"{SectionName}:KeepEndedWatches", "must be between 0 (keep all) and 3650 days"));
        }

        return errors.Select(e => e with { Field = Index().Replace(e.Field, ":$1").Replace('.', ':') });
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
