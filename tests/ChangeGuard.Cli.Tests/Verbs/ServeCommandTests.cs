using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Tests.Verbs;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Run_UnknownStore_ExitsTwoNamingTheOption()
    {
        // Act
        var (exit, _, error) = await CliRun.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--store", "postgres");

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("--store must be memory or azurestorage", error);
    }

    [Fact]
    public async Task Run_AzureStorageWithoutConnection_ExitsTwoNamingTheSetting()
    {
        // Act
        var (exit, _, error) = await CliRun.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--store", "azurestorage");

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("ChangeGuard:Engine:StorageConnection", error);
    }

    [Fact]
    public async Task Run_MalformedConnection_ExitsTwoWithoutEchoingIt()
    {
        // Arrange
        const string connection = "AccountName=prod;AccountKey=not-a-key-c2VjcmV0LXN0b3JhZ2Uta2V5;Nonsense";

        // Act
        var (exit, output, error) = await CliRun.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--store", "azurestorage", "--storage-connection", connection);

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("is not an Azure Storage connection string", error);
        Assert.DoesNotContain("c2VjcmV0LXN0b3JhZ2Uta2V5", output + error);
    }
}
