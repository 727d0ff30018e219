namespace ChangeGuard.Testing.Requirements;

/// <summary>
/// Something every test of a class needs and a machine may lack, such as a Functions host. xunit 2 cannot skip a test
/// once it runs, so the <see cref="ConditionalFactAttribute"/> and <see cref="ConditionalTheoryAttribute"/> discoverers
/// read this while discovering: when <see cref="MissingReason"/> is not null, each test of the class is reported skipped,
/// by name, with that reason, and never runs (so it is never counted as passed).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = true)]
public abstract class RequirementAttribute : Attribute
{
    /// <summary>Why the requirement is not met on this machine, or null when it is.</summary>
    public abstract string? MissingReason { get; }

    /// <summary>The first unmet requirement of the class declaring <paramref name="testMethod"/>, or null.</summary>
    internal static string? MissingReasonFor(Xunit.Abstractions.ITestMethod testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var type = (testMethod.TestClass.Class as Xunit.Abstractions.IReflectionTypeInfo)?.Type;
        return type?.GetCustomAttributes(typeof(RequirementAttribute), inherit: true)
            .Cast<RequirementAttribute>()
            .Select(r => r.MissingReason)
            .FirstOrDefault(r => r is not null);
    }
}
