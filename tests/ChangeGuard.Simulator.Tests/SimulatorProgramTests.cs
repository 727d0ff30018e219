namespace ChangeGuard.Simulator.Tests;

public sealed class SimulatorProgramTests
{
    [Fact]
    public void Parse_NoArguments_UsesDefaults()
    {
        // Act
        var options = SimulatorProgram.Parse([])!;

        // Assert
        Assert.Equal(18080, options.Port);
        Assert.Equal("healthy-rollout", options.Scenario!.Name);
        Assert.Equal(SimulatorOptions.DefaultAccessKeyId, options.AccessKeyId);
    }

    [Fact]
    public void Parse_AllOptions_AreRead()
    {
        // Act
        var options = SimulatorProgram.Parse(["--port", "0", "--scenario", "bad-batch", "--access-key-id", "id", "--access-key-secret", "s", "--security-token", "t"])!;

        // Assert
        Assert.Equal(0, options.Port);
        Assert.Equal("bad-batch", options.Scenario!.Name);
        Assert.Equal("id", options.AccessKeyId);
        Assert.Equal("s", options.AccessKeySecret);
        Assert.Equal("t", options.SecurityToken);
    }

    [Fact]
    public void Parse_Help_ReturnsNull() => Assert.Null(SimulatorProgram.Parse(["--help"]));

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    public void Parse_BadPort_ThrowsNamingOption(string option, string value)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => SimulatorProgram.Parse([option, value]));

        // Assert
        Assert.Contains("--port", error.Message);
    }

    [Fact]
    public void Parse_UnknownOption_ThrowsNamingIt()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => SimulatorProgram.Parse(["--frobnicate"]));

        // Assert
        Assert.Contains("--frobnicate", error.Message);
    }

    [Fact]
    public void Parse_MissingValue_Throws() => Assert.Throws<ArgumentException>(() => SimulatorProgram.Parse(["--scenario"]));

    [Fact]
    public async Task RunAsync_BadInput_ReturnsExitCodeTwo()
    {
        // Act
        var code = await SimulatorProgram.RunAsync(["--port", "nope"]);

        // Assert
        Assert.Equal(2, code);
    }
}
