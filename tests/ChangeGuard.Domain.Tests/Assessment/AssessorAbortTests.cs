using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>
/// An abort's outcome, read from the answer where it is clear and from the order where it is not: after any attempt
/// whose answer is neither a clear success nor a clear permanent refusal, status 6 means we aborted it.
/// </summary>
public sealed class AssessorAbortTests
{
    [Theory]
    [InlineData(AbortAnswer.Accepted, null, AbortVerdict.Accepted)]
    [InlineData(AbortAnswer.Refused, null, AbortVerdict.Refused)]
    [InlineData(AbortAnswer.Refused, ChangeOrderStatus.Aborted, AbortVerdict.Refused)]
    [InlineData(AbortAnswer.Busy, null, AbortVerdict.Retry)]
    [InlineData(AbortAnswer.Throttled, null, AbortVerdict.Retry)]
    [InlineData(AbortAnswer.Unclear, ChangeOrderStatus.Aborted, AbortVerdict.Applied)]
    [InlineData(AbortAnswer.Unclear, ChangeOrderStatus.Executing, AbortVerdict.Retry)]
    [InlineData(AbortAnswer.Unclear, ChangeOrderStatus.WaitingForBatchConfirmation, AbortVerdict.Retry)]
    [InlineData(AbortAnswer.Unclear, null, AbortVerdict.Retry)]
    [InlineData(AbortAnswer.Unclear, ChangeOrderStatus.Succeeded, AbortVerdict.AlreadyEnded)]
    [InlineData(AbortAnswer.Unclear, ChangeOrderStatus.Failed, AbortVerdict.AlreadyEnded)]
    [InlineData(AbortAnswer.NotRunning, ChangeOrderStatus.Aborted, AbortVerdict.Applied)]
    [InlineData(AbortAnswer.NotRunning, ChangeOrderStatus.Succeeded, AbortVerdict.AlreadyEnded)]
    [InlineData(AbortAnswer.NotRunning, ChangeOrderStatus.SystemFailed, AbortVerdict.AlreadyEnded)]
    [InlineData(AbortAnswer.NotRunning, ChangeOrderStatus.WaitingForApproval, AbortVerdict.Retry)]
    [InlineData(AbortAnswer.NotRunning, null, AbortVerdict.Retry)]
    public void JudgeAbort_AnswerAndOrder_GiveTheVerdict(AbortAnswer answer, ChangeOrderStatus? orderStatus, AbortVerdict expected)
    {
        // Arrange
        var attempt = new AbortAttempt(answer, orderStatus, null, "req-1", 1);

        // Act
        var verdict = Assessor.JudgeAbort(attempt);

        // Assert
        Assert.Equal(expected, verdict);
    }
}
