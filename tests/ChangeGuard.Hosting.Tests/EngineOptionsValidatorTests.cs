using ChangeGuard.Hosting;

namespace ChangeGuard.Hosting.Tests;

public sealed class EngineOptionsValidatorTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    private static EngineOptions Durable(Action<EngineOptions>? change = null)
    {
        var options = new EngineOptions { Store = EngineStore.AzureStorage, StorageConnection = Azurite };
        change?.Invoke(options);
        return options;
    }

    private static IEnumerable<string> Failures(EngineOptions options) =>
        new EngineOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Validate_AzureStorageWithConnection_Succeeds()
    {
        // Act
        var result = new EngineOptionsValidator().Validate(null, Durable());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_MemoryStoreWithoutConnection_Succeeds()
    {
        // Act
        var result = new EngineOptionsValidator().Validate(null, new EngineOptions());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("change-guard")]
    public void Validate_UnusableTaskHub_NamesTheSetting(string taskHub)
    {
        // Act
        var failures = Failures(Durable(o => o.TaskHub = taskHub));

        // Assert
        Assert.Contains(failures, f => f.Contains("ChangeGuard:Engine:TaskHub", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyWorkerId_NamesTheSetting()
    {
        // Act
        var failures = Failures(Durable(o => o.WorkerId = " "));

        // Assert
        Assert.Contains(failures, f => f.Contains("ChangeGuard:Engine:WorkerId", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShortVisibilityTimeout_NamesTheSetting()
    {
        // Act
        var failures = Failures(Durable(o => o.MessageVisibilityTimeout = TimeSpan.FromSeconds(1)));

        // Assert
        Assert.Contains(failures, f => f.Contains("ChangeGuard:Engine:MessageVisibilityTimeout", StringComparison.Ordinal));
    }
}
