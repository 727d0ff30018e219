using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChangeGuard.Testing.Requirements;

/// <summary>A test case xunit reports as skipped with a reason, without running it.</summary>
internal static class SkippedCase
{
    public static IXunitTestCase Create(IMessageSink diagnosticMessageSink, ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(
            diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod,
            reason);
}
