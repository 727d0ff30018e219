using ChangeGuard.Cli.Parsing;

namespace ChangeGuard.Cli.Tests.Parsing;

public sealed class ParsedArgumentsTests
{
    private static readonly OptionSpec[] Specs =
    [
        new("--region", "REGION", "region"),
        new("--poll-interval", "DURATION", "interval"),
        new("--failure-limit", "N", "limit"),
        new("--ratio", "RATIO", "ratio"),
        new("--dry-run", null, "dry"),
        new("--endpoint", "URL", "endpoint"),
    ];

    [Fact]
    public void Parse_ValuesAndFlags_AreRead()
    {
        // Act
        var args = ParsedArguments.Parse(["--region", "cn-hangzhou", "--poll-interval=10s", "--dry-run", "--failure-limit", "3"], Specs);

        // Assert
        Assert.Equal("cn-hangzhou", args.Required("--region"));
        Assert.Equal(TimeSpan.FromSeconds(10), args.Duration("--poll-interval"));
        Assert.Equal(3, args.Int("--failure-limit"));
        Assert.True(args.Flag("--dry-run"));
    }

    [Fact]
    public void Parse_UnknownOption_ThrowsNamingIt()
    {
        // Act
        var error = Assert.Throws<CliUsageException>(() => ParsedArguments.Parse(["--regoin", "x"], Specs));

        // Assert
        Assert.Contains("--regoin", error.Message);
    }

    [Fact]
    public void Parse_MissingValue_ThrowsNamingOption()
    {
        // Act
        var error = Assert.Throws<CliUsageException>(() => ParsedArguments.Parse(["--region"], Specs));

        // Assert
        Assert.Contains("--region needs a value", error.Message);
    }

    [Fact]
    public void Parse_StrayArgument_IsRefused() =>
        Assert.Throws<CliUsageException>(() => ParsedArguments.Parse(["watch-this"], Specs));

    [Theory]
    [InlineData("--poll-interval", "soon")]
    [InlineData("--failure-limit", "two")]
    [InlineData("--ratio", "NaN")]
    [InlineData("--endpoint", "127.0.0.1:18080")]
    [InlineData("--poll-interval", "P99999999D")]
    [InlineData("--poll-interval", "1e308")]
    [InlineData("--poll-interval", "99999999999999999999d")]
    [InlineData("--poll-interval", "10675199.02:48:05.4775808")]
    [InlineData("--failure-limit", "99999999999")]
    [InlineData("--failure-limit", "1e308")]
    [InlineData("--ratio", "1e400")]
    public void TypedReaders_MalformedValue_ThrowNamingOption(string option, string value)
    {
        // Arrange
        var args = ParsedArguments.Parse([option, value], Specs);

        // Act
        var error = Assert.Throws<CliUsageException>(() =>
        {
            _ = args.Duration("--poll-interval");
            _ = args.Int("--failure-limit");
            _ = args.Number("--ratio");
            _ = args.Url("--endpoint");
        });

        // Assert
        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("1e308")]
    public void Int_NumberBeyondInt_ThrowsWithTheRange(string value)
    {
        // Arrange
        var args = ParsedArguments.Parse(["--failure-limit", value], Specs);

        // Act
        var error = Assert.Throws<CliUsageException>(() => args.Int("--failure-limit"));

        // Assert
        Assert.Equal($"--failure-limit must be a whole number from -2147483648 to 2147483647, not '{value}'", error.Message);
    }

    [Fact]
    public void Required_Absent_ThrowsNamingOption()
    {
        // Arrange
        var args = ParsedArguments.Parse([], Specs);

        // Act
        var error = Assert.Throws<CliUsageException>(() => args.Required("--region"));

        // Assert
        Assert.Contains("--region is required", error.Message);
    }

    [Fact]
    public void Parse_Help_IsRecognisedEverywhere() => Assert.True(ParsedArguments.Parse(["--region", "x", "--help"], Specs).HelpRequested);
}
