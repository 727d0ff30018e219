using System.Text;

namespace ChangeGuard.Testing.Notifications;

/// <summary>One POST a <see cref="LoopbackReceiver"/> got: path, query, headers (lower-case names) and the raw body.</summary>
public sealed record ReceivedRequest(int Number, DateTimeOffset At, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
