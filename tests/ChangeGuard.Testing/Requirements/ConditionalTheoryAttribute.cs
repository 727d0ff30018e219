using Xunit;
using Xunit.Sdk;

namespace ChangeGuard.Testing.Requirements;

/// <summary>A theory that is reported skipped (once, by name) when its class has an unmet <see cref="RequirementAttribute"/>.</summary>
[XunitTestCaseDiscoverer("ChangeGuard.Testing.Requirements.ConditionalTheoryDiscoverer", "ChangeGuard.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConditionalTheoryAttribute : TheoryAttribute;
