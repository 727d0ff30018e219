using ChangeGuard.Cli.Parsing;

namespace ChangeGuard.Cli.Tests.Parsing;

public sealed class UsageErrorTests
{
    [Theory]
    [InlineData(new[] { "--regoin", "x" }, "changeguard test: unknown option '--regoin'; see --help")]
    [InlineData(new[] { "--region", "r", "--regoin=x" }, "changeguard test: unknown option '--regoin'; see --help")]
    [InlineData(new[] { "--region", "r", "watch-this" }, "changeguard test: unexpected argument 'watch-this'; see --help")]
    [InlineData(new[] { "--region" }, "changeguard test: --region needs a value (REGION)")]
    [InlineData(new string[0], "changeguard test: --region is required; see --help")]
    [InlineData(new[] { "--region", " " }, "changeguard test: --region is required; see --help")]
    [InlineData(new[] { "--region", "a", "--region", "b" }, "changeguard test: --region is given more than once")]
    [InlineData(new[] { "--region", "r", "--poll-interval", "--failure-limit", "3" }, "changeguard test: --poll-interval must be a duration such as 15s, 2m or 1h30m, not '--failure-limit'")]
    public void OneLine_BadInput_IsTheReasonNamingTheOption(string[] args, string expected)
    {
        // Arrange
        var command = new TestCommand();

        // Act
        var line = UsageError.OneLine(command.Parse(args));

        // Assert
        Assert.Equal(expected, line);
    }

    [Fact]
    public void OneLine_UnknownCommand_ListsTheCommands()
    {
        // Arrange
        var root = new System.CommandLine.RootCommand { new System.CommandLine.Command("watch"), new System.CommandLine.Command("demo") };

        // Act
        var line = UsageError.OneLine(root.Parse(["deploy"]));

        // Assert
        Assert.Equal("changeguard: unknown command 'deploy'; commands: watch, demo", line);
    }
}
