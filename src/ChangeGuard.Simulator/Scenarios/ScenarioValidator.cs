using ChangeGuard.Sae.Configuration;

namespace ChangeGuard.Simulator.Scenarios;

/// <summary>Checks a scenario's values; each error names the JSON path of the field.</summary>
public static class ScenarioValidator
{
    /// <summary>Throws <see cref="ScenarioException"/> at the first bad value.</summary>
    public static void Validate(Scenario scenario, string source)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Check(scenario.TimeScale is > 0 and <= 10_000, source, "timeScale", "must be above 0 and at most 10000");
        Check(scenario.RateLimitPerMinute >= 0, source, "rateLimitPerMinute", "must be 0 (no limit) or more");
        ValidateFaults(scenario.Faults, $"{source}: faults");

        var appIds = new HashSet<string>(StringComparer.Ordinal);
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < scenario.Apps.Count; a++)
        {
            var app = scenario.Apps[a];
            var at = $"apps[{a}]";
            Check(!string.IsNullOrWhiteSpace(app.AppId), source, $"{at}.appId", "is required");
            Check(appIds.Add(app.AppId), source, $"{at}.appId", $"'{app.AppId}' appears twice");
            Check(SaeRegion.IsValid(app.RegionId), source, $"{at}.regionId", $"'{app.RegionId}' is not a region id");
            Check(app.Replicas is >= 1 and <= 1000, source, $"{at}.replicas", "must be between 1 and 1000");
            Check(app.ExistingRestarts.Count is 0 or 1 || app.ExistingRestarts.Count == app.Replicas, source,
                $"{at}.existingRestarts", "must hold one value, or one per replica");
            Check(app.Traffic.RequestsPerSecond is > 0 and <= 100_000, source, $"{at}.traffic.requestsPerSecond", "must be above 0 and at most 100000");
            Check(app.Traffic.ErrorRate is >= 0 and <= 1, source, $"{at}.traffic.errorRate", "must be between 0 and 1");
            Check(app.Traffic.LatencyMs is >= 0 and <= 600_000, source, $"{at}.traffic.latencyMs", "must be between 0 and 600000");
            for (var p = 0; p < app.Probe.Count; p++)
            {
                var answer = app.Probe[p];
                Check(answer.FromSecond >= 0, source, $"{at}.probe[{p}].fromSecond", "must not be negative");
                Check(answer.Status is >= 100 and <= 599, source, $"{at}.probe[{p}].status", "must be an HTTP status from 100 to 599");
                Check(answer.DelayMs is >= 0 and <= 60_000, source, $"{at}.probe[{p}].delayMs", "must be between 0 and 60000");
                Check(answer.Json is null || answer.Text is null, source, $"{at}.probe[{p}].text", "cannot be set together with json");
            }

            for (var c = 0; c < app.ChangeOrders.Count; c++)
            {
                var order = app.ChangeOrders[c];
                ValidateChangeOrder(order, app, source, $"{at}.changeOrders[{c}]");
                if (order.ChangeOrderId is { Length: > 0 } id)
                {
                    Check(orderIds.Add(id), source, $"{at}.changeOrders[{c}].changeOrderId", $"'{id}' appears twice");
                }
            }
        }
    }

    /// <summary>Checks one change order against its app.</summary>
    public static void ValidateChangeOrder(ChangeOrderDefinition order, AppDefinition app, string source, string at)
    {
        Check(order.ApprovalSeconds >= 0, source, $"{at}.approvalSeconds", "must not be negative");
        Check(order.AgeSeconds >= 0, source, $"{at}.ageSeconds", "must not be negative");
        Check(order.BatchWaitSeconds >= 0, source, $"{at}.batchWaitSeconds", "must not be negative");
        Check(order.ConfirmAfterSeconds is null or >= 0, source, $"{at}.confirmAfterSeconds", "must not be negative");
        Check(order.Batches.Count <= app.Replicas, source, $"{at}.batches", $"cannot exceed the app's {app.Replicas} replicas");

        var total = 0;
        for (var b = 0; b < order.Batches.Count; b++)
        {
            var batch = order.Batches[b];
            var bt = $"{at}.batches[{b}]";
            Check(batch.Instances >= 0, source, $"{bt}.instances", "must not be negative");
            Check(batch.DurationSeconds > 0, source, $"{bt}.durationSeconds", "must be above 0");
            Check(batch.RestartsPerMinute >= 0, source, $"{bt}.restartsPerMinute", "must not be negative");
            Check(batch.FailAtSecond is null or >= 0, source, $"{bt}.failAtSecond", "must not be negative");
            for (var m = 0; m < batch.Metrics.Count; m++)
            {
                Check(batch.Metrics[m].FromSecond >= 0, source, $"{bt}.metrics[{m}].fromSecond", "must not be negative");
                Check(batch.Metrics[m].ErrorRate is null or (>= 0 and <= 1), source, $"{bt}.metrics[{m}].errorRate", "must be between 0 and 1");
                Check(batch.Metrics[m].LatencyMs is null or (>= 0 and <= 600_000), source, $"{bt}.metrics[{m}].latencyMs", "must be between 0 and 600000");
            }

            for (var h = 0; h < batch.Health.Count; h++)
            {
                Check(batch.Health[h].Unhealthy >= 0, source, $"{bt}.health[{h}].unhealthy", "must not be negative");
                Check(batch.Health[h].FromSecond >= 0, source, $"{bt}.health[{h}].fromSecond", "must not be negative");
            }

            total += batch.Instances;
        }

        Check(total <= app.Replicas, source, $"{at}.batches", $"replace {total} instances but the app has {app.Replicas}");
    }

    /// <summary>Checks fault settings.</summary>
    public static void ValidateFaults(FaultDefinition faults, string at)
    {
        ArgumentNullException.ThrowIfNull(faults);
        Check(faults.ThrottleRatio is >= 0 and <= 1, at, "throttleRatio", "must be between 0 and 1");
        Check(faults.ServerErrorRatio is >= 0 and <= 1, at, "serverErrorRatio", "must be between 0 and 1");
        Check(faults.ResetRatio is >= 0 and <= 1, at, "resetRatio", "must be between 0 and 1");
        Check(faults.MalformedRatio is >= 0 and <= 1, at, "malformedRatio", "must be between 0 and 1");
        Check(faults.ThrottleRatio + faults.ServerErrorRatio + faults.ResetRatio + faults.MalformedRatio <= 1, at, "throttleRatio",
            "plus serverErrorRatio, resetRatio and malformedRatio must be at most 1");
        Check(faults.LatencyMs is >= 0 and <= 60_000, at, "latencyMs", "must be between 0 and 60000");
        Check(faults.AbortBusyCount >= 0, at, "abortBusyCount", "must not be negative");
        Check(double.IsFinite(faults.FromSecond) && faults.FromSecond >= 0, at, "fromSecond", "must be a finite number, 0 or more");
        if (faults.AbortAnswer is { } abortAnswer)
        {
            Check(Enum.IsDefined(abortAnswer.Mode), at, "abortAnswer.mode", "must be malformed, lost, nonceUsed or errorCode");
            Check(abortAnswer.Count is >= 1 and <= 100, at, "abortAnswer.count", "must be between 1 and 100");
        }
    }

    private static void Check(bool condition, string source, string field, string problem)
    {
        if (!condition)
        {
            throw new ScenarioException($"{source}: {field} {problem}.");
        }
    }
}
