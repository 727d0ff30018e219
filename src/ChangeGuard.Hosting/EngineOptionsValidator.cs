using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Hosting;

/// <summary>Stops start-up with a message naming the setting (never its value) when an engine setting is unusable.</summary>
internal sealed partial class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        var failures = new List<string>();
        if (options.WorkItemConcurrency is < 1 or > EngineOptions.MaxWorkItemConcurrency)
        {
            failures.Add($"{EngineOptions.SectionName}:WorkItemConcurrency must be between 1 and {EngineOptions.MaxWorkItemConcurrency:N0}");
        }

        if (options.Store == EngineStore.AzureStorage)
        {
            if (string.IsNullOrWhiteSpace(options.StorageConnection))
            {
                failures.Add($"{EngineOptions.SectionName}:StorageConnection (or --storage-connection, or AzureWebJobsStorage) is required for the azurestorage store");
            }
            else if (!IsConnectionString(options.StorageConnection))
            {
                failures.Add($"{EngineOptions.SectionName}:StorageConnection is not an Azure Storage connection string (such as UseDevelopmentStorage=true)");
            }

            if (!TaskHubName().IsMatch(options.TaskHub ?? string.Empty))
            {
                failures.Add($"{EngineOptions.SectionName}:TaskHub must be 3 to 45 letters and digits, starting with a letter");
            }

            if (string.IsNullOrWhiteSpace(options.WorkerId) || options.WorkerId.Length > 100)
            {
                failures.Add($"{EngineOptions.SectionName}:WorkerId must be 1 to 100 characters");
            }

            if (options.MaxQueuePollingInterval < TimeSpan.FromMilliseconds(100) || options.MaxQueuePollingInterval > TimeSpan.FromMinutes(1))
            {
                failures.Add($"{EngineOptions.SectionName}:MaxQueuePollingInterval must be between 100ms and 1m");
            }

            if (options.MessageVisibilityTimeout < TimeSpan.FromSeconds(5) || options.MessageVisibilityTimeout > TimeSpan.FromMinutes(10))
            {
                failures.Add($"{EngineOptions.SectionName}:MessageVisibilityTimeout must be between 5s and 10m");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsConnectionString(string connection)
    {
        try
        {
            // The storage client parses the string without any I/O; its messages are not echoed, as they may quote it.
            _ = new BlobServiceClient(connection);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$", RegexOptions.CultureInvariant)]
    private static partial Regex TaskHubName();
}
