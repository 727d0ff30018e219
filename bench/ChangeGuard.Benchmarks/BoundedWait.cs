using System.Diagnostics;

namespace ChangeGuard.Benchmarks;

/// <summary>Polls a condition every 100 ms until it holds or a bound passes, so no benchmark waits forever.</summary>
public static class BoundedWait
{
    /// <summary>True when <paramref name="condition"/> held within <paramref name="within"/>.</summary>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), within, cancellationToken);
    }

    /// <summary>True when <paramref name="condition"/>, which asks something over the network, held within <paramref name="within"/>.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
