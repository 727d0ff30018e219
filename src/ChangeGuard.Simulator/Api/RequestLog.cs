namespace ChangeGuard.Simulator.Api;

/// <summary>One call the simulator answered: what was asked and what it said, never a header or a secret.</summary>
/// <param name="Sequence">Order of arrival, from 1.</param>
/// <param name="At">When the answer was given.</param>
/// <param name="Action">The SAE action, or the path when none matched.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Parameters">The decoded query parameters.</param>
/// <param name="Status">The HTTP status (0 when the connection was reset).</param>
/// <param name="Code">SAE's code: "200" or the error code.</param>
/// <param name="RequestId">The request id the answer carried.</param>
/// <param name="AccessKeyId">The AccessKey ID that signed the call.</param>
/// <param name="AbortApplied">
/// AbortChangeOrder only: whether this call stopped the order, also when its answer was lost or garbled; null for
/// other actions.
/// </param>
public sealed record RequestLogEntry(
    long Sequence,
    DateTimeOffset At,
    string Action,
    string Method,
    IReadOnlyDictionary<string, string> Parameters,
    int Status,
    string Code,
    string RequestId,
    string? AccessKeyId,
    bool? AbortApplied = null);

/// <summary>The bounded log of answered calls that tests and demos read through the control API.</summary>
public sealed class RequestLog(int capacity = 50_000)
{
    private readonly Queue<RequestLogEntry> _entries = new();
    private readonly object _gate = new();
    private long _sequence;

    /// <summary>Records a call and returns its entry.</summary>
    public RequestLogEntry Add(DateTimeOffset at, string action, string method, IReadOnlyDictionary<string, string> parameters,
        int status, string code, string requestId, string? accessKeyId, bool? abortApplied = null)
    {
        lock (_gate)
        {
            var entry = new RequestLogEntry(++_sequence, at, action, method, parameters, status, code, requestId, accessKeyId, abortApplied);
            _entries.Enqueue(entry);
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }

            return entry;
        }
    }

    /// <summary>Entries after a sequence number, optionally of one action.</summary>
    public IReadOnlyList<RequestLogEntry> Read(string? action = null, long after = 0)
    {
        lock (_gate)
        {
            return _entries
                .Where(e => e.Sequence > after && (action is null || string.Equals(e.Action, action, StringComparison.Ordinal)))
                .ToArray();
        }
    }

    /// <summary>Forgets every entry (the sequence keeps counting).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
