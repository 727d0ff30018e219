namespace ChangeGuard.Core.Activities;

/// <summary>What to read in one poll; the group id is cached by the watch after the first read.</summary>
public sealed record ReadHealthRequest(string RegionId, string AppId, string ChangeOrderId, string? GroupId);
