namespace ChangeGuard.Cli.Terminal;

/// <summary>What <c>changeguard</c> exits with, so a pipeline step can branch on the outcome.</summary>
public static class ExitCodes
{
    /// <summary>The change succeeded, or there was nothing to do.</summary>
    public const int Succeeded = 0;

    /// <summary>Something else went wrong.</summary>
    public const int Error = 1;

    /// <summary>Bad input: an unknown option, a malformed value, missing credentials.</summary>
    public const int BadInput = 2;

    /// <summary>The change was bad: ChangeGuard aborted it (or it failed on its own).</summary>
    public const int Aborted = 3;

    /// <summary>ChangeGuard tried to abort the change and could not.</summary>
    public const int AbortFailed = 4;

    /// <summary>
    /// Interrupted (SIGTERM, Ctrl+C) before the watch ended: it stopped watching and left the change order alone.
    /// </summary>
    public const int Interrupted = 5;

    /// <summary>
    /// The watch stopped without a verdict: SAE stayed unreadable under <c>onErrorLimit: stopWatching</c>, or someone
    /// stopped it. Nobody judged the change, so a pipeline must not take it for a good one.
    /// </summary>
    public const int StoppedWithoutVerdict = 6;

    /// <summary>A dry run whose policy would have aborted the change (nothing was aborted).</summary>
    public const int DryRunWouldAbort = 7;
}
