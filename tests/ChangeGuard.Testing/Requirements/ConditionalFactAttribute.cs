using Xunit;
using Xunit.Sdk;

namespace ChangeGuard.Testing.Requirements;

/// <summary>A fact that is reported skipped when its class has an unmet <see cref="RequirementAttribute"/>.</summary>
[XunitTestCaseDiscoverer("ChangeGuard.Testing.Requirements.ConditionalFactDiscoverer", "ChangeGuard.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConditionalFactAttribute : FactAttribute;
