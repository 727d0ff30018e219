using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ChangeGuard.Functions.Orchestration;

/// <summary>
/// The <see cref="TaskActivityContext"/> Core's activities expect, made from the Functions invocation: the function
/// name and the calling orchestration's instance id (binding data <c>instanceId</c>).
/// </summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;

    /// <summary>The context of the current activity invocation.</summary>
    public static FunctionActivityContext From(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() : null;
        return new FunctionActivityContext(context.FunctionDefinition.Name, instanceId ?? string.Empty);
    }
}
