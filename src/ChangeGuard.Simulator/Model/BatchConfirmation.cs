namespace ChangeGuard.Simulator.Model;

/// <summary>A confirm that started a batch of a manual release: which batch, when, and who sent it.</summary>
/// <param name="Batch">The batch started (1-based).</param>
/// <param name="PipelineId">Its pipeline id.</param>
/// <param name="AtSecond">Scenario seconds after the order was created.</param>
/// <param name="By"><c>ConfirmPipelineBatch</c> for a call to the API, <c>person</c> for the control API or a scripted person.</param>
public sealed record BatchConfirmation(int Batch, string PipelineId, double AtSecond, string By)
{
    /// <summary>Who sent a call to ConfirmPipelineBatch.</summary>
    public const string Api = "ConfirmPipelineBatch";

    /// <summary>Who confirmed through the control API or a scripted race.</summary>
    public const string Person = "person";
}
