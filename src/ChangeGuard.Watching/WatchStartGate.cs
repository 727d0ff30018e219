namespace ChangeGuard.Watching;

/// <summary>
/// Makes concurrent starts of one change order in this process take turns, so that exactly one of them schedules the
/// watch and the others find it. Striped: a fixed set of locks shared by hash, so memory stays flat however many
/// orders pass. Processes that share a task hub do not share this gate; Durable's instance id still keeps one watch
/// per order among them.
/// </summary>
public sealed class WatchStartGate
{
    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Waits for the turn of <paramref name="instanceId"/>; dispose the result to pass it on.</summary>
    public async Task<IDisposable> EnterAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % Stripes)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(stripe);
    }

    private sealed class Turn(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
