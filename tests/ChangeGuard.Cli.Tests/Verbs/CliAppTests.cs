using System.Reflection;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Cli.Verbs;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Cli.Tests.Verbs;

public sealed class CliAppTests
{
    [Fact]
    public async Task Run_NoArguments_PrintsUsageAndExitsTwo()
    {
        // Act
        var (exit, output, _) = await CliRun.RunAsync();

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Commands:", output);
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsTwoWithOneLine()
    {
        // Act
        var (exit, _, error) = await CliRun.RunAsync("deploy");

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("unknown command 'deploy'", error);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("watch")]
    [InlineData("serve")]
    [InlineData("simulate")]
    [InlineData("status")]
    public async Task Run_CommandHelp_ShowsOptionsAndExamples(string command)
    {
        // Act
        var (exit, output, _) = await CliRun.RunAsync(command, "--help");

        // Assert
        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.Contains("Usage: changeguard " + command, output);
        Assert.Contains("Examples:", output);
        Assert.Contains("--verbose", output);
    }

    [Fact]
    public async Task Run_GeneralHelp_ListsEveryCommandAndExitCode()
    {
        // Act
        var (exit, output, _) = await CliRun.RunAsync("--help");

        // Assert
        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.All(CliApp.Commands, c => Assert.Contains(c.Name, output));
        Assert.Contains("4 abort failed", output);
    }

    [Fact]
    public async Task Run_HelpWord_ListsEveryCommandAndExitsZero()
    {
        // Act
        var (exit, output, _) = await CliRun.RunAsync("help");

        // Assert
        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.All(CliApp.Commands, c => Assert.Contains(c.Name, output));
    }

    [Fact]
    public async Task Run_Version_PrintsTheInformationalVersion()
    {
        // Arrange
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        // Act
        var (exit, output, _) = await CliRun.RunAsync("--version");

        // Assert
        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.Equal($"changeguard {version}", output.Trim());
    }

    [Theory]
    [InlineData("watch")]
    [InlineData("status")]
    public async Task Run_CommandHelp_ListsEveryPolicyFieldWithItsDefault(string command)
    {
        // Act
        var (_, output, _) = await CliRun.RunAsync(command, "--help");

        // Assert
        Assert.All(PolicyFields.All, f => Assert.Contains(PolicyOptions.NameOf(f), output));
        Assert.All(PolicyFields.All.Where(f => f.ValueType != typeof(bool)), f => Assert.Contains($"{f.Doc} (default {f.DefaultText}", output));
    }

    [Theory]
    [InlineData(new[] { "watch", "--app-id", "a", "--change-order-id", "c" }, "--region is required")]
    [InlineData(new[] { "watch", "--region", "cn-hangzhou", "--app-id", "a", "--change-order-id", "c", "--poll-interval", "fast" }, "--poll-interval must be a duration")]
    [InlineData(new[] { "watch", "--region", "cn-hangzhou", "--app-id", "a", "--change-order-id", "c", "--on-error-limit", "panic" }, "--on-error-limit must be abort or stopWatching")]
    [InlineData(new[] { "watch", "--region", "cn-hangzhou", "--frobnicate" }, "unknown option '--frobnicate'")]
    [InlineData(new[] { "demo", "--scenario", "no-such-scenario" }, "neither a built-in scenario")]
    [InlineData(new[] { "simulate", "--port", "99999" }, "--port must be from 0 to 65535")]
    [InlineData(new[] { "serve", "--urls", "ftp://x" }, "--urls must be one http URL")]
    [InlineData(new[] { "serve", "--urls", "http://0.0.0.0:0" }, "requires --api-key-file")]
    [InlineData(new[] { "serve", "--api-key-file", "/no/such/file" }, "does not exist")]
    [InlineData(new[] { "status", "--region", "Hangzhou", "--change-order-id", "c" }, "--region 'Hangzhou' is not a region id")]
    public async Task Run_BadInput_ExitsTwoWithOneLineReason(string[] args, string reason)
    {
        // Act
        var (exit, _, error) = await CliRun.RunAsync(args);

        // Assert
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(reason, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }
}
