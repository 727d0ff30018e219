using ChangeGuard.Core.Health;
using ChangeGuard.Sae.Models.ChangeOrders;

namespace ChangeGuard.Core.Orchestration;

/// <summary>What a watch does after a poll.</summary>
public enum NextStepKind
{
    /// <summary>Poll again after the interval.</summary>
    Continue,

    /// <summary>Abort the change order (or, in a dry run, report that it would).</summary>
    Abort,

    /// <summary>End the watch with an outcome, leaving the order alone.</summary>
    Finish,
}

/// <summary>The decider's answer: the next step, and for Abort or Finish the reason and outcome.</summary>
public sealed record NextStep(NextStepKind Kind, string Reason, IReadOnlyList<Evidence> Evidence, WatchOutcome? Outcome = null, ChangeOrderStatus? FinalStatus = null)
{
    /// <summary>Poll again.</summary>
    public static NextStep Continue { get; } = new(NextStepKind.Continue, string.Empty, []);
}
