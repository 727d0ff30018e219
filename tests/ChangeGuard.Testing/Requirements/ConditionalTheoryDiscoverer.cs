using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChangeGuard.Testing.Requirements;

/// <summary>Discovers a <see cref="ConditionalTheoryAttribute"/>: one skipped case when a requirement is unmet, else the theory's rows.</summary>
public sealed class ConditionalTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        RequirementAttribute.MissingReasonFor(testMethod) is { } reason
            ? [SkippedCase.Create(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
