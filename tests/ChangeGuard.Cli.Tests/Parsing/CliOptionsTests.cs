using System.CommandLine.Help;
using ChangeGuard.Cli.Parsing;

namespace ChangeGuard.Cli.Tests.Parsing;

public sealed class CliOptionsTests
{
    [Fact]
    public void Parse_ValuesAndFlags_AreRead()
    {
        // Arrange
        var command = new TestCommand();

        // Act
        var parse = command.Parse("--region", "cn-hangzhou", "--poll-interval=10s", "--dry-run", "--failure-limit", "3", "--store", "AzureStorage");

        // Assert
        Assert.Empty(parse.Errors);
        Assert.Equal(
            ("cn-hangzhou", TimeSpan.FromSeconds(10), 3, true, "azurestorage"),
            (parse.GetValue(command.Region), parse.GetValue(command.PollInterval), parse.GetValue(command.FailureLimit), parse.GetValue(command.DryRun), parse.GetValue(command.Store)));
    }

    [Theory]
    [InlineData("--dry-run=false", false)]
    [InlineData("--dry-run=true", true)]
    public void Flag_ExplicitValue_IsRead(string argument, bool expected)
    {
        // Arrange
        var command = new TestCommand();

        // Act
        var parse = command.Parse("--region", "r", argument);

        // Assert
        Assert.Equal(expected, parse.GetValue(command.DryRun));
    }

    [Theory]
    [InlineData("--poll-interval", "soon")]
    [InlineData("--failure-limit", "two")]
    [InlineData("--ratio", "NaN")]
    [InlineData("--endpoint", "127.0.0.1:18080")]
    [InlineData("--store", "postgres")]
    [InlineData("--poll-interval", "P99999999D")]
    [InlineData("--poll-interval", "1e308")]
    [InlineData("--poll-interval", "99999999999999999999d")]
    [InlineData("--poll-interval", "10675199.02:48:05.4775808")]
    [InlineData("--failure-limit", "99999999999")]
    [InlineData("--failure-limit", "1e308")]
    [InlineData("--ratio", "1e400")]
    [InlineData("--ratio", "-1e400")]
    public void Parse_MalformedValue_IsOneLineNamingTheOption(string option, string value)
    {
        // Arrange
        var command = new TestCommand();

        // Act
        var line = UsageError.OneLine(command.Parse("--region", "r", option, value));

        // Assert
        Assert.StartsWith($"changeguard test: {option} ", line, StringComparison.Ordinal);
        Assert.EndsWith($"'{value}'", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("1e308")]
    public void WholeNumber_NumberBeyondInt_IsRefusedWithTheRange(string value)
    {
        // Arrange
        var command = new TestCommand();

        // Act
        var line = UsageError.OneLine(command.Parse("--region", "r", "--failure-limit", value));

        // Assert
        Assert.Equal($"changeguard test: --failure-limit must be a whole number from -2147483648 to 2147483647, not '{value}'", line);
    }

    [Fact]
    public void Valued_CheckRefusesTheValue_IsOneLineWithTheCheck()
    {
        // Arrange
        var port = CliOptions.WholeNumber("--port", "P", "port", p => p > 65535 ? $"must be from 0 to 65535, not {p}" : null);
        var root = new System.CommandLine.RootCommand { port };

        // Act
        var line = UsageError.OneLine(root.Parse(["--port", "99999"]));

        // Assert
        Assert.Equal("changeguard: --port must be from 0 to 65535, not 99999", line);
    }

    [Fact]
    public void Parse_HelpAmongOtherOptions_IsHelp()
    {
        // Arrange
        var command = new TestCommand();

        // Act
        var parse = command.Parse("--frobnicate", "--help");

        // Assert
        Assert.IsType<HelpAction>(parse.Action);
    }
}
