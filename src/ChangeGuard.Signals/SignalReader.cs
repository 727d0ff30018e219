using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Signals;

/// <summary>
/// Measures every signal of a watch for one poll, all at once. Each signal's failure is its own measurement; nothing
/// thrown by one signal hides the others' results.
/// </summary>
public sealed class SignalReader(PrometheusQueryReader prometheus, HttpProbeReader probes)
{
    /// <summary>The named HTTP client signals use: no logging handlers (URLs and headers stay out of logs), no redirects.</summary>
    public const string HttpClientName = "ChangeGuard.Signals";

    /// <summary>One measurement per signal, in the policy's order.</summary>
    public async Task<IReadOnlyList<SignalMeasurement>> ReadAsync(SignalContext context, IReadOnlyList<SignalDefinition> signals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signals);
        return await Task.WhenAll(signals.Select(s => ReadOneAsync(s, context, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<SignalMeasurement> ReadOneAsync(SignalDefinition signal, SignalContext context, CancellationToken cancellationToken)
    {
        try
        {
            return (signal.Prometheus, signal.Http) switch
            {
                ({ } query, _) => await prometheus.ReadAsync(signal.Name, query, context, cancellationToken).ConfigureAwait(false),
                (_, { } probe) => await probes.ReadAsync(signal.Name, probe, context, cancellationToken).ConfigureAwait(false),
                _ => SignalMeasurement.Failed(signal.Name, MeasurementError.Permanent("the signal has neither prometheus nor http")),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: a message could quote a request, and a request may carry a secret.
            return SignalMeasurement.Failed(signal.Name, MeasurementError.Transient($"the signal could not be read ({ex.GetType().Name})"));
        }
    }
}
