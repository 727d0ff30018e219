namespace ChangeGuard.Simulator.Model;

/// <summary>What one instance serves now: requests per scenario second, error rate, average latency.</summary>
internal sealed record InstanceRates(string InstanceId, int Slot, double RequestsPerSecond, double ErrorRate, double LatencyMs);
