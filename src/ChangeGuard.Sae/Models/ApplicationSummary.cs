namespace ChangeGuard.Sae.Models;

/// <summary>One entry of ListApplications.</summary>
public sealed record ApplicationSummary
{
    /// <summary>The app id.</summary>
    public string AppId { get; init; } = string.Empty;

    /// <summary>The app name.</summary>
    public string? AppName { get; init; }

    /// <summary>The namespace, such as <c>cn-hangzhou:demo</c>.</summary>
    public string? NamespaceId { get; init; }

    /// <summary>The region.</summary>
    public string? RegionId { get; init; }

    /// <summary>Target instances.</summary>
    public int Instances { get; init; }

    /// <summary>Instances running now.</summary>
    public int RunningInstances { get; init; }
}
