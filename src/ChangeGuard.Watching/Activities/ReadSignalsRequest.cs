using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Watching.Activities;

/// <summary>The signals to read in one poll and the watch they serve; names of servers and secrets, never their values.</summary>
public sealed record ReadSignalsRequest(SignalContext Context, IReadOnlyList<SignalDefinition> Signals);
