using ChangeGuard.Cli.Terminal;
using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Watching;

namespace ChangeGuard.Cli.Output;

/// <summary>Maps how a watch ended to the exit code a pipeline step branches on.</summary>
public static class OutcomeExitCode
{
    /// <summary>
    /// 0 succeeded; 3 aborted, or ended failed on its own; 4 abort failed; 6 stopped without a verdict; 7 a dry run
    /// that would have aborted; 2 when SAE refused for good to let the order be watched (an unknown order, another
    /// app's, no permission: the input or the credentials are wrong); 1 when the orchestration itself failed.
    /// </summary>
    public static int For(WatchView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Result is not { } result)
        {
            return ExitCodes.Error;
        }

        return result.Outcome switch
        {
            WatchOutcome.Succeeded => ExitCodes.Succeeded,
            WatchOutcome.Stopped => ExitCodes.StoppedWithoutVerdict,
            WatchOutcome.DryRunWouldAbort => ExitCodes.DryRunWouldAbort,
            WatchOutcome.Aborted => ExitCodes.Aborted,
            WatchOutcome.AbortFailed => ExitCodes.AbortFailed,
            WatchOutcome.Unwatchable => ExitCodes.BadInput,
            WatchOutcome.AlreadyEnded => result.FinalStatus == ChangeOrderStatus.Succeeded ? ExitCodes.Succeeded : ExitCodes.Aborted,
            _ => ExitCodes.Error,
        };
    }
}
