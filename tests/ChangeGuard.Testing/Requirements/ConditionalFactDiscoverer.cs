using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChangeGuard.Testing.Requirements;

/// <summary>Discovers a <see cref="ConditionalFactAttribute"/>: a skipped case when a requirement is unmet, else a fact.</summary>
public sealed class ConditionalFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        RequirementAttribute.MissingReasonFor(testMethod) is { } reason
            ? [SkippedCase.Create(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}
