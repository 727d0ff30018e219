using System.Text.Json;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Json;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Cli.Output;

/// <summary>Prints how a watch ended: a short summary, or the whole result as JSON for <c>--json</c>.</summary>
public static class ResultPrinter
{
    private static readonly JsonSerializerOptions Indented = new(ChangeGuardJson.Options) { WriteIndented = true };

    /// <summary>The result as JSON (the same shape the HTTP API returns in <c>outcome</c>).</summary>
    public static void Json(CliConsole console, WatchView view)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(view);
        console.Out.WriteLine(JsonSerializer.Serialize<object>(view.Result ?? (object)view, Indented));
    }

    /// <summary>A few lines: outcome, reason, evidence, counts.</summary>
    public static void Summary(CliConsole console, WatchView view)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(view);
        if (view.Result is not { } result)
        {
            console.Out.WriteLine($"The watch ended {view.RuntimeStatus}: {view.Failure}");
            return;
        }

        console.Out.WriteLine();
        console.Out.WriteLine(Style.Bold(console, $"Outcome: {Describe(result)}"));
        console.Out.WriteLine($"  reason        {result.Reason}");
        foreach (var evidence in result.Evidence)
        {
            if (evidence.ToString() != result.Reason)
            {
                console.Out.WriteLine($"  evidence      {evidence}");
            }

            foreach (var instance in evidence.Instances.Take(5))
            {
                console.Out.WriteLine($"                - {instance}");
            }
        }

        if (result.Promotions.Count > 0)
        {
            console.Out.WriteLine($"  promoted      {Describe(result.Promotions)}");
        }

        if (result.ErrorCode is not null)
        {
            console.Out.WriteLine($"  SAE error     {result.ErrorCode}: {result.ErrorMessage}");
        }

        console.Out.WriteLine($"  polls         {result.Polls}");
        console.Out.WriteLine($"  SAE calls     {result.SaeCalls} ({result.CallsPerWatchMinute.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} per watch-minute)");
        console.Out.WriteLine($"  duration      {(result.EndedAt - result.StartedAt).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}s");
    }

    /// <summary>The batches the promotion gate acted on, in one line: <c>batch 2 of 3 confirmed, batch 3 of 3 already confirmed</c>.</summary>
    public static string Describe(IReadOnlyList<Promotion> promotions)
    {
        ArgumentNullException.ThrowIfNull(promotions);
        return string.Join(", ", promotions.Select(p => $"batch {p.Batch} of {p.BatchCount} " + p.Result switch
        {
            PromotionResult.Confirmed => "confirmed",
            PromotionResult.AlreadyConfirmed => "already confirmed",
            PromotionResult.WouldPromote => "would be confirmed (dry run)",
            _ => "refused by SAE (left for a person)",
        }));
    }

    /// <summary>One phrase for an outcome.</summary>
    public static string Describe(WatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            WatchOutcome.Succeeded => "succeeded: the change order completed healthy",
            WatchOutcome.Aborted when result.AbortConfirmed == true => $"aborted (confirmed: status {(int?)result.FinalStatus})",
            WatchOutcome.Aborted => "aborted (not confirmed yet)",
            WatchOutcome.AlreadyEnded => $"already ended (status {(int?)result.FinalStatus} {result.FinalStatus})",
            WatchOutcome.Stopped => "stopped watching",
            WatchOutcome.AbortFailed => "abort failed",
            WatchOutcome.DryRunWouldAbort => "dry run: would have aborted",
            WatchOutcome.Unwatchable => "cannot be watched: the change order was left alone",
            _ => result.Outcome.ToString(),
        };
    }
}
