using System.Diagnostics;
using System.Text.Json;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>
/// The keys a host keeps in its secrets folder (<c>host.json</c>, written on the first keyed request): the master key,
/// which Durable's management webhooks accept, and the host's default function key, which callers of the API use.
/// </summary>
public sealed record HostKeys(string Master, string Function)
{
    /// <summary>No keys: <c>func</c> on a developer's machine does not check them.</summary>
    public static HostKeys None { get; } = new(string.Empty, string.Empty);

    /// <summary>Reads the keys from <paramref name="secretsDirectory"/>, waiting (at most 30 s) for the host to write them.</summary>
    public static async Task<HostKeys> ReadAsync(string secretsDirectory)
    {
        var file = Path.Combine(secretsDirectory, "host.json");
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file).ConfigureAwait(false));
                var root = document.RootElement;
                var function = root.GetProperty("functionKeys").EnumerateArray()
                    .First(k => k.GetProperty("name").GetString() == "default").GetProperty("value").GetString();
                return new HostKeys(root.GetProperty("masterKey").GetProperty("value").GetString()!, function!);
            }
            catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"the host wrote no keys to {file} within 30 s", ex);
                }

                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }
}
