namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// The healthy streak of a manual release that waits to start a batch (SAE status 8): what the promotion gate judges.
/// Any poll that is not healthy ends the streak; the next healthy one starts it again.
/// </summary>
/// <param name="PipelineId">SAE's id of the batch waiting to be confirmed.</param>
/// <param name="Batch">That batch (1-based); the batch before it is the one baking.</param>
/// <param name="HealthySince">The first poll of the streak.</param>
/// <param name="HealthyPolls">Healthy polls in the streak.</param>
public sealed record BatchBake(string PipelineId, int Batch, DateTimeOffset HealthySince, int HealthyPolls);
