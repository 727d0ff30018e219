using System.Globalization;
using System.Text.Json;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Domain.Policies.Expressions;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// The assessor's rules for one signal's measurement, on Argo's model. A Prometheus value passes when it compares
/// with the threshold as the signal says (several series: the worst one decides), no data follows the signal's
/// <c>noData</c> rule. A probe passes or fails on its conditions over <c>result</c>; when neither decides it is
/// inconclusive (no data); without conditions any 2xx passes; a status-only probe passes on 2xx and fails on any other
/// status, as Flagger's gates do. An error stays an error, with its class.
/// </summary>
public static class SignalRules
{
    /// <summary>The verdict on one measurement of <paramref name="signal"/>.</summary>
    public static SignalVerdict Judge(SignalDefinition signal, SignalMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(measurement);
        if (measurement.Kind == MeasurementKind.Error)
        {
            var error = measurement.Error ?? MeasurementError.Transient(measurement.Detail);
            return new SignalVerdict(signal.Name, SignalOutcome.Error, error.Message, ErrorClass: error.Class);
        }

        return (signal.Prometheus, signal.Http) switch
        {
            ({ } query, _) => JudgeQuery(signal.Name, query, measurement),
            (_, { } probe) => JudgeProbe(signal.Name, probe, measurement),
            _ => new SignalVerdict(signal.Name, SignalOutcome.Error, "the signal has neither prometheus nor http", ErrorClass: ErrorClass.Permanent),
        };
    }

    private static SignalVerdict JudgeQuery(string name, PrometheusSignal signal, SignalMeasurement measurement)
    {
        var threshold = $"{(signal.Comparison == SignalComparison.AtMost ? "<=" : ">=")} {Format(signal.Threshold)}";
        if (measurement.Kind == MeasurementKind.NoData || measurement.Series is null)
        {
            var why = string.IsNullOrEmpty(measurement.Detail) ? "the query returned no series" : measurement.Detail;
            var evidence = new Evidence(name, "no data", threshold, []);
            return signal.NoData switch
            {
                NoDataRule.Breach => new SignalVerdict(name, SignalOutcome.Breach, $"{why}; noData is breach", evidence),
                NoDataRule.Error => new SignalVerdict(name, SignalOutcome.Error, $"{why}; noData is error", evidence, ErrorClass.Transient),
                _ => new SignalVerdict(name, SignalOutcome.NoData, why),
            };
        }

        var series = measurement.Series;
        var (worst, label) = signal.Comparison == SignalComparison.AtMost ? (series.Highest, series.HighestSeries) : (series.Lowest, series.LowestSeries);
        var healthy = signal.Comparison == SignalComparison.AtMost ? worst <= signal.Threshold : worst >= signal.Threshold;
        var observed = Format(worst);
        var found = new Evidence(name, observed, threshold, label is null ? [] : [label]);
        return healthy
            ? new SignalVerdict(name, SignalOutcome.Healthy, $"{observed} (threshold {threshold})", found, Value: Finite(worst))
            : new SignalVerdict(name, SignalOutcome.Breach, $"{observed} breaches the threshold {threshold}", found, Value: Finite(worst));
    }

    private static SignalVerdict JudgeProbe(string name, HttpProbeSignal probe, SignalMeasurement measurement)
    {
        var status = measurement.HttpStatus ?? 0;
        if (probe.StatusOnly)
        {
            var evidence = new Evidence(name, $"HTTP {status}", "2xx", []);
            return status is >= 200 and < 300
                ? new SignalVerdict(name, SignalOutcome.Healthy, $"the gate answered HTTP {status}", evidence, Value: Passed)
                : new SignalVerdict(name, SignalOutcome.Breach, $"the gate answered {(string.IsNullOrEmpty(measurement.Detail) ? $"HTTP {status}" : measurement.Detail)}", evidence, Value: Failed);
        }

        if (probe.SuccessCondition is null && probe.FailureCondition is null)
        {
            return new SignalVerdict(name, SignalOutcome.Healthy, "the probe answered 2xx", new Evidence(name, "2xx", "2xx", []), Value: Passed);
        }

        var observed = measurement.Result is null ? "nil" : Clip(measurement.Result, 200);
        var threshold = string.Join(" and ", new[]
        {
            probe.SuccessCondition is null ? null : $"success: {probe.SuccessCondition}",
            probe.FailureCondition is null ? null : $"failure: {probe.FailureCondition}",
        }.OfType<string>());
        try
        {
            var result = Parse(measurement.Result);
            var failed = probe.FailureCondition is { } failure && ConditionExpression.Parse(failure).Evaluate(result);
            var succeeded = probe.SuccessCondition is { } good && ConditionExpression.Parse(good).Evaluate(result);
            var evidence = new Evidence(name, $"result = {observed}", threshold, []);
            if (failed || (probe.SuccessCondition is not null && probe.FailureCondition is null && !succeeded))
            {
                return new SignalVerdict(name, SignalOutcome.Breach, $"result {observed} fails {threshold}", evidence, Value: Failed);
            }

            return succeeded || probe.SuccessCondition is null
                ? new SignalVerdict(name, SignalOutcome.Healthy, $"result {observed} passes {threshold}", evidence, Value: Passed)
                : new SignalVerdict(name, SignalOutcome.NoData, $"result {observed} is inconclusive: neither condition holds", evidence);
        }
        catch (ExpressionException ex)
        {
            return new SignalVerdict(name, SignalOutcome.Error, $"the condition could not be evaluated over result {observed}: {ex.Message}", ErrorClass: ErrorClass.Transient);
        }
    }

    private static object? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return ExpressionValues.FromJson(document.RootElement);
    }

    /// <summary>A probe's judged value when it passed, for charts.</summary>
    private const double Passed = 1;

    /// <summary>A probe's judged value when it failed.</summary>
    private const double Failed = 0;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
