using ChangeGuard.Core.Health;
using ChangeGuard.Core.Signals;

namespace ChangeGuard.Core.Orchestration;

/// <summary>What one poll's signals add up to: new counters, a step when one ends the watch, actions, worst verdict, summary.</summary>
public sealed record SignalJudgement(IReadOnlyList<SignalCount> Counts, NextStep? Step, IReadOnlyList<string> Actions, VerdictKind? Worst, string Summary);
