using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Sae.Configuration;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Sae.Quota;

/// <summary>
/// A token bucket per AccessKey shared by every SAE call in the process: calls wait for a token, elevated calls ahead
/// of normal ones, aborts never wait (they may run the bucket into debt that later calls repay). Sized so that no
/// 60-second window carries more than the budget: the bucket holds <c>BurstSeconds</c> worth and refills at what is
/// left. A throttled answer pauses everyone. Its tokens and waiting calls are gauges of ChangeGuard's meter, per key
/// (named by its last four characters).
/// </summary>
public sealed class SaeCallBudget
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<SaeClientOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the budget over the client's options; <paramref name="meters"/> (when given) reports its tokens and waiting calls.</summary>
    public SaeCallBudget(IOptionsMonitor<SaeClientOptions> options, TimeProvider time, IMeterFactory? meters = null)
    {
        _options = options;
        _time = time;
        if (meters?.Create(ChangeGuardTelemetry.Name) is { } meter)
        {
            meter.CreateObservableGauge("changeguard.sae.budget.tokens", () => Observe(b => b.Available()), "{call}", "Calls the SAE call budget can grant now, per AccessKey");
            meter.CreateObservableGauge("changeguard.sae.budget.waiting", () => Observe(b => b.Waiting()), "{call}", "Calls waiting for the SAE call budget, per AccessKey");
        }
    }

    private IEnumerable<Measurement<double>> Observe(Func<Bucket, double> read) =>
        _buckets.Select(b => new Measurement<double>(read(b.Value), new KeyValuePair<string, object?>("access_key", Mask(b.Key))));

    /// <summary>An AccessKey id as gauges name it: its last four characters, enough to tell keys apart.</summary>
    private static string Mask(string accessKeyId) => accessKeyId.Length <= 4 ? "****" : "…" + accessKeyId[^4..];

    /// <summary>The calls per minute in force (0: no budget).</summary>
    public int CallsPerMinute => _options.CurrentValue.Budget.CallsPerMinute;

    /// <summary>Waits for a call's turn.</summary>
    public Task AcquireAsync(string accessKeyId, SaeCallPriority priority, CancellationToken cancellationToken)
    {
        var budget = _options.CurrentValue.Budget;
        if (!budget.Enabled)
        {
            return Task.CompletedTask;
        }

        var turn = BucketFor(accessKeyId, budget).AcquireAsync(priority, cancellationToken);
        if (turn.IsCompleted)
        {
            ChangeGuardTelemetry.BudgetWait.Record(0);
            return turn;
        }

        // The caller gets the turn itself (its completion and cancellation unchanged); the wait is recorded beside it.
        var started = _time.GetTimestamp();
        _ = turn.ContinueWith(
            (done, state) =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    ChangeGuardTelemetry.BudgetWait.Record(((SaeCallBudget)state!)._time.GetElapsedTime(started).TotalSeconds);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return turn;
    }

    /// <summary>SAE throttled a call: everyone on this key pauses for <paramref name="retryAfter"/> or the configured pause.</summary>
    public void Penalize(string accessKeyId, TimeSpan? retryAfter)
    {
        var budget = _options.CurrentValue.Budget;
        if (budget.Enabled)
        {
            BucketFor(accessKeyId, budget).Pause(retryAfter is { } given && given > TimeSpan.Zero ? given : budget.ThrottlePause);
        }
    }

    /// <summary>Calls granted on a key so far (for reports and tests).</summary>
    public long Granted(string accessKeyId) => _buckets.TryGetValue(accessKeyId, out var bucket) ? bucket.Granted : 0;

    private Bucket BucketFor(string accessKeyId, SaeBudgetOptions budget) =>
        _buckets.GetOrAdd(accessKeyId, _ => new Bucket(budget, _time));

    private sealed class Bucket
    {
        private readonly object _gate = new();
        private readonly List<Waiter> _waiters = [];
        private readonly TimeProvider _time;
        private readonly double _capacity;
        private readonly double _perSecond;
        private double _tokens;
        private DateTimeOffset _refilledAt;
        private DateTimeOffset _pausedUntil;
        private ITimer? _timer;
        private long _sequence;

        public Bucket(SaeBudgetOptions budget, TimeProvider time)
        {
            _time = time;
            var perMinute = (double)budget.CallsPerMinute;
            _capacity = Math.Max(1, perMinute / 60 * Math.Clamp(budget.BurstSeconds, 1, 30));
            _perSecond = Math.Max(perMinute / 600, (perMinute - _capacity) / 60);
            _tokens = _capacity;
            _refilledAt = time.GetUtcNow();
        }

        public long Granted { get; private set; }

        public double Available()
        {
            lock (_gate)
            {
                Refill(_time.GetUtcNow());
                return Math.Floor(Math.Max(_tokens, 0));
            }
        }

        public double Waiting()
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }

        public Task AcquireAsync(SaeCallPriority priority, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                Refill(now);
                if (priority == SaeCallPriority.Abort)
                {
                    _tokens -= 1;
                    Granted++;
                    return Task.CompletedTask;
                }

                if (_tokens >= 1 && now >= _pausedUntil && !_waiters.Any(w => w.Priority >= priority))
                {
                    _tokens -= 1;
                    Granted++;
                    return Task.CompletedTask;
                }

                var waiter = new Waiter(priority, ++_sequence, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                _waiters.Add(waiter);
                if (cancellationToken.CanBeCanceled)
                {
                    cancellationToken.Register(() => Cancel(waiter, cancellationToken));
                }

                Schedule(now);
                return waiter.Completion.Task;
            }
        }

        public void Pause(TimeSpan pause)
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                Refill(now);
                var until = now + pause;
                if (until > _pausedUntil)
                {
                    _pausedUntil = until;
                }

                _tokens = Math.Min(_tokens, 0);
                Schedule(now);
            }
        }

        private void Cancel(Waiter waiter, CancellationToken token)
        {
            lock (_gate)
            {
                if (_waiters.Remove(waiter))
                {
                    waiter.Completion.TrySetCanceled(token);
                }
            }
        }

        private void Refill(DateTimeOffset now)
        {
            if (now > _refilledAt)
            {
                var from = _refilledAt > _pausedUntil ? _refilledAt : (_pausedUntil < now ? _pausedUntil : now);
                if (now > from)
                {
                    _tokens = Math.Min(_capacity, _tokens + ((now - from).TotalSeconds * _perSecond));
                }

                _refilledAt = now;
            }
        }

        private void Release()
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                Refill(now);
                while (_waiters.Count > 0 && _tokens >= 1 && now >= _pausedUntil)
                {
                    var next = _waiters.OrderByDescending(w => w.Priority).ThenBy(w => w.Sequence).First();
                    _waiters.Remove(next);
                    _tokens -= 1;
                    Granted++;
                    next.Completion.TrySetResult();
                }

                Schedule(now);
            }
        }

        private void Schedule(DateTimeOffset now)
        {
            if (_waiters.Count == 0)
            {
                return;
            }

            var untilToken = _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            var untilPause = _pausedUntil > now ? _pausedUntil - now : TimeSpan.Zero;
            var due = (untilToken > untilPause ? untilToken : untilPause) + TimeSpan.FromMilliseconds(1);
            _timer ??= _time.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }

        private sealed record Waiter(SaeCallPriority Priority, long Sequence, TaskCompletionSource Completion);
    }
}
