using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>The class's tests need a host that checks function keys (not <c>func</c> on a developer's machine).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresFunctionKeysAttribute : RequirementAttribute
{
    /// <inheritdoc />
    public override string? MissingReason => FunctionsHostInstallation.Current switch
    {
        null => FunctionsHostInstallation.MissingReason,
        { ChecksKeys: false } => "func start does not check function keys on a developer's machine",
        _ => null,
    };
}
