using Cronos;

namespace ChangeGuard.Watching.Guard;

/// <summary>
/// The rollback guard's schedule: a six-field NCRONTAB expression (seconds first), the format Azure Functions timer
/// triggers use, so one setting means the same in every host.
/// </summary>
public sealed class GuardSchedule
{
    private readonly CronExpression _expression;

    private GuardSchedule(CronExpression expression, string text)
    {
        _expression = expression;
        Text = text;
    }

    /// <summary>The expression as configured.</summary>
    public string Text { get; }

    /// <summary>Parses a six-field expression such as <c>0 */5 * * * *</c>.</summary>
    public static bool TryParse(string? text, out GuardSchedule? schedule)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(text) || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            return false;
        }

        if (!CronExpression.TryParse(text, CronFormat.IncludeSeconds, out var expression))
        {
            return false;
        }

        schedule = new GuardSchedule(expression, text);
        return true;
    }

    /// <summary>The next run strictly after <paramref name="from"/> (UTC).</summary>
    public DateTimeOffset? Next(DateTimeOffset from) => _expression.GetNextOccurrence(from, TimeZoneInfo.Utc);
}
