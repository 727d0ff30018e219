using ChangeGuard.Simulator.Model;

namespace ChangeGuard.Simulator.AppSignals;

/// <summary>One app's request metrics at a moment: the rates of its instances and their running totals.</summary>
internal sealed record AppMetricsSnapshot(
    string AppId,
    string AppName,
    string Pid,
    IReadOnlyList<InstanceRates> Instances,
    IReadOnlyDictionary<string, InstanceTotals> Totals)
{
    /// <summary>Length of an ARMS gauge bucket in scenario seconds.</summary>
    public const double BucketSeconds = 15;

    /// <summary>Reads an app under the world's lock: the running change decides each instance's rates.</summary>
    public static AppMetricsSnapshot Of(SimulatedApp app, DateTimeOffset now, double timeScale)
    {
        var traffic = app.Definition.Traffic;
        var instances = app.Instances(now);
        var perInstance = instances.Count == 0 ? 0 : traffic.RequestsPerSecond / instances.Count;
        var rates = instances.Select(i => new InstanceRates(
            i.InstanceId,
            i.Slot,
            perInstance,
            i.Metrics?.ErrorRate ?? traffic.ErrorRate,
            i.Metrics?.LatencyMs ?? traffic.LatencyMs)).ToArray();
        var totals = app.Counters.Advance(now, timeScale, rates);
        return new AppMetricsSnapshot(app.AppId, app.AppName, traffic.Pid ?? $"{app.AppId}@sim", rates,
            rates.ToDictionary(r => r.InstanceId, r => totals[r.InstanceId], StringComparer.Ordinal));
    }
}
