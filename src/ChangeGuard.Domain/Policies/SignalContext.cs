namespace ChangeGuard.Domain.Policies;

/// <summary>What a signal knows of the watch it serves: the ids its query placeholders and probe payloads use.</summary>
public sealed record SignalContext(string RegionId, string AppId, string ChangeOrderId, string? AppName);
