using ChangeGuard.Cli.Terminal;
using ChangeGuard.Watching;

namespace ChangeGuard.Cli.Output;

/// <summary>
/// A watch drawn as one block that redraws in place on a terminal (like <c>kubectl ... --watch</c>): state, polls,
/// the current batch's health, each signal's run of breaches, the next poll, and the last decisions. Only used on a
/// terminal; redirected output gets <see cref="ProgressPrinter"/>'s plain lines instead.
/// </summary>
public sealed class LiveView(CliConsole console)
{
    private int _drawn;

    /// <summary>Replaces the block drawn last with <paramref name="view"/>'s.</summary>
    public void Draw(WatchView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var lines = Lines(view);
        if (_drawn > 0)
        {
            // Up to the block's first line, then clear to the end of the screen.
            console.Out.Write($"\u001b[{_drawn}F\u001b[J");
        }

        foreach (var line in lines)
        {
            console.Out.WriteLine(line);
        }

        _drawn = lines.Count;
    }

    /// <summary>The block's lines for <paramref name="view"/>.</summary>
    public IReadOnlyList<string> Lines(WatchView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var status = view.Status;
        var lines = new List<string>
        {
            Style.Bold(console, $"{view.ChangeOrderId} of {view.AppId} in {view.RegionId}") +
                $"  {(view.HasEnded ? "ended" : view.RuntimeStatus.ToString().ToLowerInvariant())}, {status?.Polls ?? 0} poll(s), {status?.SaeCalls ?? 0} SAE call(s)",
            $"  health     {(status?.LastVerdict is { } verdict ? Style.Verdict(console, verdict) + "  " : string.Empty)}{status?.LastHealth ?? "no poll yet"}",
            $"  breaches   {status?.ConsecutiveBreaches ?? 0} in a row of {view.Policy?.FailureLimit}; read errors {status?.ConsecutiveErrors ?? 0} in a row",
        };
        foreach (var signal in status?.Signals ?? [])
        {
            lines.Add($"  signal     {signal.Name}: {signal.ConsecutiveBreaches} breach(es), {signal.ConsecutiveErrors} error(s) in a row");
        }

        if (!view.HasEnded && status?.NextPollAt is { } next)
        {
            lines.Add($"  next poll  {next:HH:mm:ss}");
        }

        foreach (var decision in (status?.LastDecisions ?? []).TakeLast(5))
        {
            lines.Add($"  {decision.At:HH:mm:ss} poll {decision.Poll,-3} {Style.Verdict(console, decision.Verdict)}  {decision.Reason}  → {decision.ActionText}");
        }

        return lines;
    }
}
