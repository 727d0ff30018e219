using ChangeGuard.Domain;
using ChangeGuard.Sae.Configuration;

namespace ChangeGuard.Watching.Guard;

/// <summary>What the rollback guard sweeps and its hard limit (section <c>ChangeGuard:Guard</c>).</summary>
public sealed class RollbackGuardOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ChangeGuard:Guard";

    /// <summary>Apps swept by id.</summary>
    public List<GuardedApp> Apps { get; set; } = [];

    /// <summary>Namespaces whose apps are swept.</summary>
    public List<GuardedNamespace> Namespaces { get; set; } = [];

    /// <summary>A running change order older than this is aborted, watched or not (5 min to 7 days; default 2 h).</summary>
    public TimeSpan HardMaximum { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Start a watch with the default policy for running orders nobody watches.</summary>
    public bool AdoptUnwatched { get; set; } = true;

    /// <summary>The host's schedule (NCRONTAB, six fields); the default is every five minutes.</summary>
    public string Schedule { get; set; } = "0 */5 * * * *";

    /// <summary>The problems with these options; fields named under <c>ChangeGuard:Guard</c>.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (HardMaximum < TimeSpan.FromMinutes(5) || HardMaximum > TimeSpan.FromDays(7))
        {
            errors.Add(new ValidationError($"{SectionName}:HardMaximum", "must be between 5 minutes and 7 days"));
        }

        for (var i = 0; i < Apps.Count; i++)
        {
            if (!SaeRegion.IsValid(Apps[i].RegionId))
            {
                errors.Add(new ValidationError($"{SectionName}:Apps:{i}:RegionId", $"'{Apps[i].RegionId}' is not a region id"));
            }

            if (string.IsNullOrWhiteSpace(Apps[i].AppId))
            {
                errors.Add(new ValidationError($"{SectionName}:Apps:{i}:AppId", "is required"));
            }
        }

        for (var i = 0; i < Namespaces.Count; i++)
        {
            if (!SaeRegion.IsValid(Namespaces[i].RegionId))
            {
                errors.Add(new ValidationError($"{SectionName}:Namespaces:{i}:RegionId", $"'{Namespaces[i].RegionId}' is not a region id"));
            }

            if (string.IsNullOrWhiteSpace(Namespaces[i].NamespaceId))
            {
                errors.Add(new ValidationError($"{SectionName}:Namespaces:{i}:NamespaceId", "is required"));
            }
        }

        if (!GuardSchedule.TryParse(Schedule, out _))
        {
            errors.Add(new ValidationError($"{SectionName}:Schedule", "must be a six-field NCRONTAB expression such as '0 */5 * * * *'"));
        }

        return errors;
    }
}
