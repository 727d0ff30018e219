using System.Text.RegularExpressions;

namespace ChangeGuard.Watching;

/// <summary>
/// Derives the orchestration instance id from the change order id, so a change order has exactly one watch
/// whichever host or guard starts it.
/// </summary>
public static partial class WatchIds
{
    /// <summary>The prefix of every watch's instance id.</summary>
    public const string Prefix = "watch-";

    /// <summary>The instance id of a change order's watch.</summary>
    public static string ForChangeOrder(string changeOrderId) => Prefix + changeOrderId;

    /// <summary>The change order id of a watch's instance id.</summary>
    public static string ChangeOrderOf(string instanceId) =>
        instanceId.StartsWith(Prefix, StringComparison.Ordinal) ? instanceId[Prefix.Length..] : instanceId;

    /// <summary>True for ids made of letters, digits and <c>-_.:</c>, at most 128 characters.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
