namespace ChangeGuard.Domain.Assessment;

/// <summary>A signal's counters carried from poll to poll: breaching and unreadable polls in a row.</summary>
public sealed record SignalCount(string Name, int ConsecutiveBreaches, int ConsecutiveErrors);
