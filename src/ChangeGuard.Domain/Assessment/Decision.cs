using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Assessment;

/// <summary>One entry of a watch's decision timeline: what a poll concluded and what the watch did about it.</summary>
/// <param name="At">When.</param>
/// <param name="Poll">The poll it belongs to (0 before the first).</param>
/// <param name="Verdict">The poll's verdict: the worst of its signals.</param>
/// <param name="Reason">Why, for people.</param>
/// <param name="Action">What the watch did, as a closed type.</param>
/// <param name="ActionText">The same in words, with the counts: <c>abort (breach 2 of 2)</c>.</param>
public sealed record Decision(DateTimeOffset At, int Poll, VerdictKind Verdict, string Reason, WatchAction Action, string ActionText);
