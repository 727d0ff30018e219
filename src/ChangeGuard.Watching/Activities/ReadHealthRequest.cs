using ChangeGuard.Domain.Health;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// What to read in one poll; the group id is cached by the watch after the first read. The requested interval and
/// whether the watch is counting a breach or read errors let the call budget plan the next poll. Without
/// <see cref="ReadOrder"/>, a poll whose <see cref="KnownOrder"/> runs a batch reads the instances alone while their
/// shape matches <see cref="KnownCounts"/>. <see cref="OrderEveryPoll"/> tells the call budget the order is read every poll for a while.
/// </summary>
public sealed record ReadHealthRequest(
    string RegionId,
    string AppId,
    string ChangeOrderId,
    string? GroupId,
    TimeSpan PollInterval = default,
    bool Elevated = false,
    bool ReadOrder = true,
    ChangeOrderProgress? KnownOrder = null,
    InstanceCounts? KnownCounts = null,
    bool OrderEveryPoll = false);
