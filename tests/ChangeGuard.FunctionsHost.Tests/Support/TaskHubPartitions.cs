using System.Diagnostics;
using Azure.Data.Tables;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>
/// Who owns the task hub's partitions, read from the partitions table Durable's Azure Storage provider keeps
/// (table partition management): the evidence that several hosts share one task hub.
/// </summary>
public static class TaskHubPartitions
{
    /// <summary>The current owner of each partition (control queue) of <paramref name="taskHub"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OwnersAsync(string storageConnection, string taskHub)
    {
        var table = new TableClient(storageConnection, taskHub + "Partitions");
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            owners[row.RowKey] = row.GetString("CurrentOwner") ?? string.Empty;
        }

        return owners;
    }

    /// <summary>Waits until <paramref name="workers"/> each own at least one partition.</summary>
    public static async Task WaitUntilSharedAsync(string storageConnection, string taskHub, IReadOnlyCollection<string> workers, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        IReadOnlyDictionary<string, string> owners = new Dictionary<string, string>();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                owners = await OwnersAsync(storageConnection, taskHub);
                if (workers.All(w => owners.Values.Contains(w)))
                {
                    return;
                }
            }
            catch (Azure.RequestFailedException)
            {
                // The table does not exist until a host creates it.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"the partitions were not shared by {string.Join(", ", workers)} within {within}: {string.Join(", ", owners.Select(o => $"{o.Key}={o.Value}"))}");
    }
}
