using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Tests.Scenarios;

/// <summary>Fault values that JSON cannot carry but code (the control API's callers, tests) can.</summary>
public sealed class ScenarioValidatorTests
{
    public static TheoryData<FaultDefinition, string> BadFaults() => new()
    {
        { new FaultDefinition { FromSecond = double.NaN }, "faults: fromSecond" },
        { new FaultDefinition { FromSecond = double.PositiveInfinity }, "faults: fromSecond" },
        { new FaultDefinition { FromSecond = -0.5 }, "faults: fromSecond" },
        { new FaultDefinition { AbortAnswer = new AbortAnswerFault { Mode = (AbortAnswerMode)9 } }, "faults: abortAnswer.mode" },
        { new FaultDefinition { AbortAnswer = new AbortAnswerFault { Mode = AbortAnswerMode.Lost, Count = 0 } }, "faults: abortAnswer.count" },
        { new FaultDefinition { AbortAnswer = new AbortAnswerFault { Mode = AbortAnswerMode.Lost, Count = 101 } }, "faults: abortAnswer.count" },
    };

    [Theory]
    [MemberData(nameof(BadFaults))]
    public void ValidateFaults_BadValue_FailsNamingTheField(FaultDefinition faults, string field)
    {
        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioValidator.ValidateFaults(faults, "faults"));

        // Assert
        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(30.5, 100)]
    public void ValidateFaults_FromSecondAndCountInRange_Pass(double fromSecond, int count)
    {
        // Arrange
        var faults = new FaultDefinition { FromSecond = fromSecond, AbortAnswer = new AbortAnswerFault { Mode = AbortAnswerMode.ErrorCode, Count = count } };

        // Act
        var error = Record.Exception(() => ScenarioValidator.ValidateFaults(faults, "faults"));

        // Assert
        Assert.Null(error);
    }
}
