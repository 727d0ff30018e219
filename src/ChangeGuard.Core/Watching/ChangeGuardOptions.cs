using ChangeGuard.Core.Policy;

namespace ChangeGuard.Core.Watching;

/// <summary>The configured defaults every watch starts from (section <c>ChangeGuard</c>).</summary>
public sealed class ChangeGuardOptions
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
}
