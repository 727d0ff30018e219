using Microsoft.Extensions.Options;

namespace ChangeGuard.Cli.Engine;

/// <summary>Stops start-up with a message naming the setting when the engine's limit is out of bounds.</summary>
internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options) =>
        options.WorkItemConcurrency is < 1 or > EngineOptions.MaxWorkItemConcurrency
            ? ValidateOptionsResult.Fail($"{EngineOptions.SectionName}:WorkItemConcurrency must be between 1 and {EngineOptions.MaxWorkItemConcurrency:N0}")
            : ValidateOptionsResult.Success;
}
