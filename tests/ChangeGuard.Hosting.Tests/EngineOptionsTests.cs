namespace ChangeGuard.Hosting.Tests;

public sealed class EngineOptionsTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    private static EngineOptions Durable(Action<EngineOptions>? change = null)
    {
        var options = new EngineOptions { Store = EngineStore.AzureStorage, StorageConnection = Azurite };
        change?.Invoke(options);
        return options;
    }

    private static IEnumerable<string> Failures(EngineOptions options) => options.Validate().Select(e => e.Field);

    [Fact]
    public void Validate_AzureStorageWithConnection_FindsNothing()
    {
        // Act
        var errors = Durable().Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_MemoryStoreWithoutConnection_FindsNothing()
    {
        // Act
        var errors = new EngineOptions().Validate();

        // Assert
        Assert.Empty(errors);
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
        Assert.Contains("ChangeGuard:Engine:TaskHub", failures);
    }

    [Fact]
    public void Validate_EmptyWorkerId_NamesTheSetting()
    {
        // Act
        var failures = Failures(Durable(o => o.WorkerId = " "));

        // Assert
        Assert.Contains("ChangeGuard:Engine:WorkerId", failures);
    }

    [Fact]
    public void Validate_ShortVisibilityTimeout_NamesTheSetting()
    {
        // Act
        var failures = Failures(Durable(o => o.MessageVisibilityTimeout = TimeSpan.FromSeconds(1)));

        // Assert
        Assert.Contains("ChangeGuard:Engine:MessageVisibilityTimeout", failures);
    }
}
