using ChangeGuard.Domain.Measurements;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>The activity that makes one abort attempt; the orchestration owns the retries.</summary>
[DurableTask(nameof(AbortChangeOrderActivity))]
public sealed class AbortChangeOrderActivity(ChangeOrderAborter aborter) : TaskActivity<AbortRequest, AbortAttempt>
{
    /// <inheritdoc />
    public override Task<AbortAttempt> RunAsync(TaskActivityContext context, AbortRequest input) => aborter.AbortAsync(input);
}
