namespace ChangeGuard.Sae.Models;

/// <summary>DescribeApplicationStatus' <c>Data</c>: an app's running state and last change order, as SAE names them.</summary>
public sealed record ApplicationStatus
{
    /// <summary>The app.</summary>
    public string AppId { get; init; } = string.Empty;

    /// <summary><c>RUNNING</c>, <c>STOPPED</c> or <c>UNKNOWN</c>.</summary>
    public string? CurrentStatus { get; init; }

    /// <summary>Instances running now.</summary>
    public int RunningInstances { get; init; }

    /// <summary>The last change order, empty when none or expired.</summary>
    public string? LastChangeOrderId { get; init; }

    /// <summary>True while the last change order runs.</summary>
    public bool LastChangeOrderRunning { get; init; }

    /// <summary>The last change order's status in SAE's text form (<c>RUNNING</c>, <c>SUCCESS</c>, ...).</summary>
    public string? LastChangeOrderStatus { get; init; }

    /// <summary><c>NORMAL</c> or <c>RUNNING_BUT_HAS_ERROR</c>.</summary>
    public string? SubStatus { get; init; }
}
