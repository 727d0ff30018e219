namespace ChangeGuard.Hosting;

/// <summary>Where the embedded engine keeps its watches: in this process, or in the store Durable Functions uses.</summary>
public enum EngineStore
{
    /// <summary>In memory: fastest, and every watch is gone when the process ends.</summary>
    Memory,

    /// <summary>Azure Storage (or Azurite): watches survive a crash and several processes can share one task hub.</summary>
    AzureStorage,
}
