using ChangeGuard.Watching.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ChangeGuard.Functions.Orchestration;

/// <summary>Hosts Core's <see cref="WatchOrchestrator"/> under its own name, which is the name watches are started with.</summary>
public static class WatchOrchestratorFunction
{
    /// <summary>Runs one generation of a watch.</summary>
    [Function(nameof(WatchOrchestrator))]
    public static Task<WatchResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new WatchOrchestrator().RunAsync(context, context.GetInput<WatchInput>()!);
    }
}
