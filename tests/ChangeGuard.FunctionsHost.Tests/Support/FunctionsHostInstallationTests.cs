namespace ChangeGuard.FunctionsHost.Tests.Support;

public sealed class FunctionsHostInstallationTests
{
    private static Func<string, string?> Environment(string? path = null, string? hostFolder = null) => name => name switch
    {
        "PATH" => path,
        FunctionsHostInstallation.Variable => hostFolder,
        _ => null,
    };

    [Fact]
    public void Locate_FuncOnPath_PrefersCoreTools()
    {
        // Arrange
        var bin = Directory.CreateTempSubdirectory("changeguard-func-").FullName;
        File.WriteAllText(Path.Combine(bin, "func"), string.Empty);
        var folder = Directory.CreateTempSubdirectory("changeguard-host-").FullName;
        File.WriteAllText(Path.Combine(folder, FunctionsHostInstallation.EntryAssembly), string.Empty);

        // Act
        var (host, missing) = FunctionsHostInstallation.Locate(Environment(bin, folder));

        // Assert
        Assert.Equal(FunctionsHostKind.CoreTools, host?.Kind);
        Assert.Null(missing);
        Assert.False(host!.ChecksKeys);
    }

    [Fact]
    public void Locate_HostFolderOnly_UsesTheFolder()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("changeguard-host-").FullName;
        File.WriteAllText(Path.Combine(folder, FunctionsHostInstallation.EntryAssembly), string.Empty);

        // Act
        var (host, _) = FunctionsHostInstallation.Locate(Environment(hostFolder: folder));

        // Assert
        Assert.Equal(new FunctionsHostInstallation(FunctionsHostKind.HostFolder, folder), host);
        Assert.True(host!.ChecksKeys);
    }

    [Fact]
    public void Locate_FolderWithoutTheHost_SaysWhatIsMissing()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("changeguard-host-").FullName;

        // Act
        var (host, missing) = FunctionsHostInstallation.Locate(Environment(hostFolder: folder));

        // Assert
        Assert.Null(host);
        Assert.Contains(FunctionsHostInstallation.EntryAssembly, missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_Nothing_SaysHowToGetAHost()
    {
        // Act
        var (host, missing) = FunctionsHostInstallation.Locate(Environment());

        // Assert
        Assert.Null(host);
        Assert.Contains(FunctionsHostInstallation.Variable, missing, StringComparison.Ordinal);
    }
}
