using ChangeGuard.Testing.Processes;

namespace ChangeGuard.Testing.Requirements;

/// <summary>The class's tests drive a real Chromium; without one they are reported skipped, by name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresChromiumAttribute : RequirementAttribute
{
    /// <inheritdoc />
    public override string? MissingReason => ChromiumBrowser.Locate() is null
        ? $"no Chromium: install the Debian package 'chromium' (.ci/run does) or set {ChromiumBrowser.Variable}"
        : null;
}
