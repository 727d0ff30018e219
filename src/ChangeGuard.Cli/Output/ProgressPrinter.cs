using ChangeGuard.Cli.Terminal;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Watching;

namespace ChangeGuard.Cli.Output;

/// <summary>
/// Follows a watch and prints each decision once as it happens: colours on a terminal, plain lines when redirected.
/// Returns the watch's result when it ends.
/// </summary>
public sealed class ProgressPrinter(CliConsole console, DateTimeOffset origin)
{
    private readonly HashSet<(DateTimeOffset, int, WatchAction, string)> _printed = [];

    /// <summary>Polls the watch until it ends, printing new decisions; null if the orchestration itself failed.</summary>
    public Task<WatchView> FollowAsync(WatchApi watches, string changeOrderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watches);
        return FollowAsync(ct => watches.GetAsync(changeOrderId, ct), TimeSpan.FromMilliseconds(200), cancellationToken);
    }

    /// <summary>Reads the watch with <paramref name="read"/> every <paramref name="interval"/> until it ends, printing new decisions.</summary>
    public async Task<WatchView> FollowAsync(Func<CancellationToken, Task<WatchView?>> read, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        while (true)
        {
            var view = await read(cancellationToken).ConfigureAwait(false);
            if (view is not null)
            {
                Print(view.Status?.LastDecisions ?? []);
                if (view.HasEnded)
                {
                    Print(view.Result?.Timeline ?? []);
                    return view;
                }
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Prints decisions not printed yet, oldest first.</summary>
    public void Print(IEnumerable<Decision> decisions)
    {
        foreach (var decision in decisions.OrderBy(d => d.At))
        {
            if (!_printed.Add((decision.At, decision.Poll, decision.Action, decision.ActionText)))
            {
                continue;
            }

            var offset = (decision.At - origin).TotalSeconds;
            var verdict = Style.Verdict(console, decision.Verdict);
            console.Out.WriteLine($"  +{offset,5:0.0}s  poll {decision.Poll,-3} {verdict}  {decision.Reason}  → {decision.ActionText}");
        }
    }
}

/// <summary>ANSI colours, only on a terminal.</summary>
public static class Style
{
    /// <summary>The verdict word, coloured by how bad it is.</summary>
    public static string Verdict(CliConsole console, VerdictKind verdict)
    {
        ArgumentNullException.ThrowIfNull(console);
        var word = $"{verdict,-15}";
        if (!console.IsTerminal)
        {
            return word;
        }

        var colour = verdict switch
        {
            VerdictKind.Breach or VerdictKind.EndedOtherwise => "31",
            VerdictKind.ReadFailed or VerdictKind.NoData or VerdictKind.WaitingForHuman => "33",
            _ => "32",
        };
        return $"\u001b[{colour}m{word}\u001b[0m";
    }

    /// <summary>Bold text on a terminal.</summary>
    public static string Bold(CliConsole console, string text)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.IsTerminal ? $"\u001b[1m{text}\u001b[0m" : text;
    }
}
