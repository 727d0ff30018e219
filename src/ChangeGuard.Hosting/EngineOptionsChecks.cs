using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using ChangeGuard.Domain;

namespace ChangeGuard.Hosting;

/// <summary>What is wrong with the engine's settings, each naming the setting (never its value).</summary>
internal static partial class EngineOptionsChecks
{
    public static IEnumerable<ValidationError> Validate(EngineOptions options)
    {
        const string at = EngineOptions.SectionName;
        if (options.WorkItemConcurrency is < 1 or > EngineOptions.MaxWorkItemConcurrency)
        {
            yield return new ValidationError($"{at}:WorkItemConcurrency", $"must be between 1 and {EngineOptions.MaxWorkItemConcurrency:N0}");
        }

        if (options.Store != EngineStore.AzureStorage)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(options.StorageConnection))
        {
            yield return new ValidationError($"{at}:StorageConnection", "(or --storage-connection, or AzureWebJobsStorage) is required for the azurestorage store");
        }
        else if (!IsConnectionString(options.StorageConnection))
        {
            yield return new ValidationError($"{at}:StorageConnection", "is not an Azure Storage connection string (such as UseDevelopmentStorage=true)");
        }

        if (!TaskHubName().IsMatch(options.TaskHub ?? string.Empty))
        {
            yield return new ValidationError($"{at}:TaskHub", "must be 3 to 45 letters and digits, starting with a letter");
        }

        if (string.IsNullOrWhiteSpace(options.WorkerId) || options.WorkerId.Length > 100)
        {
            yield return new ValidationError($"{at}:WorkerId", "must be 1 to 100 characters");
        }

        if (options.MaxQueuePollingInterval < TimeSpan.FromMilliseconds(100) || options.MaxQueuePollingInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationError($"{at}:MaxQueuePollingInterval", "must be between 100ms and 1m");
        }

        if (options.MessageVisibilityTimeout < TimeSpan.FromSeconds(5) || options.MessageVisibilityTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationError($"{at}:MessageVisibilityTimeout", "must be between 5s and 10m");
        }
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
