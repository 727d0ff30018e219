using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Functions.Tests.Support;
using ChangeGuard.Http;

namespace ChangeGuard.Functions.Tests.Configuration;

/// <summary>The repository's <c>host.json</c>: it parses and holds every key the app relies on, in the shape the host reads.</summary>
public sealed partial class HostJsonTests
{
    private static readonly JsonElement Host = JsonDocument.Parse(File.ReadAllText(Paths.InRepository("host.json"))).RootElement.Clone();

    private static JsonElement DurableTask => Host.GetProperty("extensions").GetProperty("durableTask");

    private static JsonElement StorageProvider => DurableTask.GetProperty("storageProvider");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();

    [Fact]
    public void HostJson_Version_IsFunctionsV2Schema()
    {
        // Assert
        Assert.Equal("2.0", Host.GetProperty("version").GetString());
    }

    [Fact]
    public void HostJson_HubName_IsSetAndValidForAzureStorage()
    {
        // Act
        var hubName = DurableTask.GetProperty("hubName").GetString();

        // Assert
        Assert.NotNull(hubName);
        Assert.Matches(TaskHubName(), hubName);
    }

    [Fact]
    public void HostJson_ExistingInstances_AreReplacedOnlyWhenNotRunning()
    {
        // Assert
        Assert.Equal("NonRunningStates", DurableTask.GetProperty("overridableExistingInstanceStates").GetString());
    }

    [Fact]
    public void HostJson_StorageProvider_SuitsAPollingWorkload()
    {
        // Act
        var pollingInterval = TimeSpan.Parse(StorageProvider.GetProperty("maxQueuePollingInterval").GetString()!, CultureInfo.InvariantCulture);
        var partitions = StorageProvider.GetProperty("partitionCount").GetInt32();

        // Assert
        Assert.Equal("AzureStorage", StorageProvider.GetProperty("type").GetString());
        Assert.InRange(partitions, 1, 16);
        Assert.True(pollingInterval < WatchPolicy.Default.PollInterval / 2, "an idle queue must be polled well within one watch poll interval, or timers fire late");
        Assert.True(StorageProvider.GetProperty("useTablePartitionManagement").GetBoolean());
        Assert.False(DurableTask.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.False(DurableTask.GetProperty("tracing").GetProperty("traceInputsAndOutputs").GetBoolean());
    }

    [Fact]
    public void HostJson_RoutePrefix_MatchesTheLocationsCoreWrites()
    {
        // Act
        var prefix = Host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();

        // Assert
        Assert.Equal(WatchRoutes.Prefix.TrimStart('/'), prefix);
    }

    [Fact]
    public void HostJson_Logging_HasLevelsAndNoMisplacedExtensions()
    {
        // Act
        var logging = Host.GetProperty("logging");
        var levels = logging.GetProperty("logLevel");

        // Assert
        Assert.False(logging.TryGetProperty("extensions", out _), "extensions nested in logging are silently ignored");
        Assert.Equal("Information", levels.GetProperty("default").GetString());
        Assert.Equal("Warning", levels.GetProperty("DurableTask.AzureStorage").GetString());
        Assert.Equal("Warning", levels.GetProperty("DurableTask.Core").GetString());
    }

    [Fact]
    public void HostJson_CompiledApp_DeclaresNoExtensionBundle()
    {
        // Assert
        Assert.False(Host.TryGetProperty("extensionBundle", out _));
    }
}
