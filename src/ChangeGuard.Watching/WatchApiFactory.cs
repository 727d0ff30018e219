using ChangeGuard.Notifications;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Signals;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Watching;

/// <summary>Creates a <see cref="WatchApi"/> over a host's <see cref="DurableTaskClient"/> with the configured defaults.</summary>
public sealed class WatchApiFactory(
    IOptions<ChangeGuardOptions> options,
    ISaeCredentialSource credentials,
    IOptions<NotificationOptions>? notifications = null,
    IOptions<SignalOptions>? signals = null,
    ChangeOrderCheck? check = null)
{
    /// <summary>One per process: starts of one change order through any API it creates take turns.</summary>
    private readonly WatchStartGate _gate = new();

    /// <summary>A watch API over the given client.</summary>
    public WatchApi Create(DurableTaskClient client) =>
        new(client, options.Value.Policy, credentials, options.Value.PollsPerGeneration, notifications?.Value, signals?.Value, check, options.Value.MaxActiveWatches, _gate);
}
