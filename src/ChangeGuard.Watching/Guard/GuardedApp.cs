namespace ChangeGuard.Watching.Guard;

/// <summary>An app the rollback guard sweeps.</summary>
public sealed record GuardedApp
{
    /// <summary>The region.</summary>
    public string RegionId { get; set; } = string.Empty;

    /// <summary>The SAE app id.</summary>
    public string AppId { get; set; } = string.Empty;
}

/// <summary>A namespace whose apps (found with ListApplications) the rollback guard sweeps.</summary>
public sealed record GuardedNamespace
{
    /// <summary>The region.</summary>
    public string RegionId { get; set; } = string.Empty;

    /// <summary>The namespace, such as <c>cn-hangzhou:prod</c>.</summary>
    public string NamespaceId { get; set; } = string.Empty;
}
