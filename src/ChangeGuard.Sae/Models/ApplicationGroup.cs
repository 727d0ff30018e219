namespace ChangeGuard.Sae.Models;

/// <summary>One entry of DescribeApplicationGroups: the group id instances are listed by.</summary>
public sealed record ApplicationGroup
{
    /// <summary>The group id.</summary>
    public string GroupId { get; init; } = string.Empty;

    /// <summary>The group name, such as <c>_DEFAULT_GROUP</c>.</summary>
    public string? GroupName { get; init; }

    /// <summary>SAE's group type code.</summary>
    public int? GroupType { get; init; }

    /// <summary>Target instances.</summary>
    public int Replicas { get; init; }

    /// <summary>Instances running now.</summary>
    public int RunningInstances { get; init; }

    /// <summary>The group's package version.</summary>
    public string? PackageVersion { get; init; }

    /// <summary>The group's image.</summary>
    public string? ImageUrl { get; init; }
}
