namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>Which real host runs the app.</summary>
public enum FunctionsHostKind
{
    /// <summary>Azure Functions Core Tools' <c>func</c>, as users run it.</summary>
    CoreTools,

    /// <summary>A folder holding the host built from its source (<c>Microsoft.Azure.WebJobs.Script.WebHost.dll</c>).</summary>
    HostFolder,
}
