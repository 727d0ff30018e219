using ChangeGuard.Core.Health;

namespace ChangeGuard.Core.Orchestration;

/// <summary>One entry of a watch's decision timeline: what a poll concluded and what the watch did about it.</summary>
public sealed record Decision(DateTimeOffset At, int Poll, VerdictKind Verdict, string Reason, string Action);
