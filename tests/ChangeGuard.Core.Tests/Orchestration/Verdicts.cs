using ChangeGuard.Core.Health;

namespace ChangeGuard.Core.Tests.Orchestration;

/// <summary>Verdicts for decider tests, one per kind.</summary>
internal static class Verdicts
{
    public static Verdict Healthy() => Verdict.Of(VerdictKind.Healthy, "2 of 2 new instances healthy");

    public static Verdict Breach(bool critical = false) =>
        new(VerdictKind.Breach, critical ? "1 new instance(s) crash-looping" : "unavailableRatio 0.50",
            critical, [new Evidence(critical ? "crashLooping" : "unavailableRatio", "0.50", "at most 0.25", ["i-1"])]);

    public static Verdict ReadFailed() =>
        new(VerdictKind.ReadFailed, "Throttling.User", false, [new Evidence("saeRead", "Throttling.User", "readable", [])]);

    public static Verdict NoData() => Verdict.Of(VerdictKind.NoData, "no new instance has appeared");

    public static Verdict WaitingForHuman() => Verdict.Of(VerdictKind.WaitingForHuman, "the change order waits for approval");

    public static Verdict Succeeded() => Verdict.Of(VerdictKind.Succeeded, "the change order succeeded");

    public static Verdict EndedOtherwise() => Verdict.Of(VerdictKind.EndedOtherwise, "the change order failed (status 3)");
}
