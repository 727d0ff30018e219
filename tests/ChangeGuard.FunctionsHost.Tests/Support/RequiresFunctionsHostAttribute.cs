using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>The class's tests need a real Functions host; without one they are reported skipped, by name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresFunctionsHostAttribute : RequirementAttribute
{
    /// <inheritdoc />
    public override string? MissingReason => FunctionsHostInstallation.MissingReason;
}
