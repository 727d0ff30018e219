using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    public static TheoryData<string> BuiltIns()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScenarioLoader.BuiltInNames)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void BuiltInNames_ShippedScenarios_IncludeTheDemoPair()
    {
        // Assert
        Assert.Contains("healthy-rollout", ScenarioLoader.BuiltInNames);
        Assert.Contains("bad-batch", ScenarioLoader.BuiltInNames);
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void LoadBuiltIn_EveryShippedScenario_IsValidAndStatesWhatToExpect(string name)
    {
        // Act
        var scenario = ScenarioLoader.LoadBuiltIn(name);

        // Assert
        Assert.Equal(name, scenario.Name);
        Assert.NotEmpty(scenario.Apps);
        Assert.Contains(scenario.Expect, new[] { "aborted", "succeeded", "unwatchable" });
    }

    [Fact]
    public void Parse_UnknownField_FailsNamingIt()
    {
        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("""{"apps":[{"appId":"a","replicaz":3}]}"""));

        // Assert
        Assert.Contains("replicaz", error.Message);
    }

    [Fact]
    public void Parse_MalformedJson_FailsWithoutStackOfJsonInternals()
    {
        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{\"apps\": [", "file.json"));

        // Assert
        Assert.StartsWith("file.json: not a valid scenario", error.Message);
    }

    [Theory]
    [InlineData("""{"timeScale":0}""", "timeScale")]
    [InlineData("""{"apps":[{"appId":""}]}""", "apps[0].appId")]
    [InlineData("""{"apps":[{"appId":"a","regionId":"Hangzhou"}]}""", "apps[0].regionId")]
    [InlineData("""{"apps":[{"appId":"a","replicas":0}]}""", "apps[0].replicas")]
    [InlineData("""{"apps":[{"appId":"a"},{"appId":"a"}]}""", "apps[1].appId")]
    [InlineData("""{"apps":[{"appId":"a","replicas":2,"changeOrders":[{"batches":[{"instances":3}]}]}]}""", "apps[0].changeOrders[0].batches")]
    [InlineData("""{"apps":[{"appId":"a","changeOrders":[{"batches":[{"durationSeconds":0}]}]}]}""", "apps[0].changeOrders[0].batches[0].durationSeconds")]
    [InlineData("""{"faults":{"throttleRatio":1.5}}""", "throttleRatio")]
    [InlineData("""{"faults":{"throttleRatio":0.6,"serverErrorRatio":0.6}}""", "throttleRatio")]
    [InlineData("""{"apps":[{"appId":"a","changeOrders":[{"batchType":"sometimes"}]}]}""", "batchType")]
    [InlineData("""{"faults":{"fromSecond":-1}}""", "faults: fromSecond")]
    [InlineData("""{"faults":{"abortAnswer":{"mode":"sometimes"}}}""", "abortAnswer.mode")]
    [InlineData("""{"faults":{"abortAnswer":{"mode":7}}}""", "abortAnswer.mode")]
    [InlineData("""{"faults":{"abortAnswer":{"applied":true}}}""", "mode")]
    [InlineData("""{"faults":{"abortAnswer":{"mode":"lost","count":0}}}""", "abortAnswer.count")]
    [InlineData("""{"faults":{"abortAnswer":{"mode":"lost","count":101}}}""", "abortAnswer.count")]
    public void Parse_BadValue_FailsNamingTheField(string json, string field)
    {
        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json));

        // Assert
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Parse_FaultsWithFromSecondAndAbortAnswer_LoadsBoth()
    {
        // Arrange
        const string json = """
            {"faults": {"fromSecond": 30, "deniedActions": ["DescribeChangeOrder"],
                        "abortAnswer": {"mode": "nonceUsed", "applied": true, "count": 2}},
             "apps": [{"appId": "a"}]}
            """;

        // Act
        var faults = ScenarioLoader.Parse(json).Faults;

        // Assert
        Assert.Equal(30, faults.FromSecond);
        Assert.Equal(["DescribeChangeOrder"], faults.DeniedActions);
        Assert.Equal(new AbortAnswerFault { Mode = AbortAnswerMode.NonceUsed, Applied = true, Count = 2 }, faults.AbortAnswer);
    }

    [Fact]
    public void Parse_AbortAnswerWithModeOnly_IsOneUnappliedAnswer()
    {
        // Act
        var abortAnswer = ScenarioLoader.Parse("""{"faults":{"abortAnswer":{"mode":"lost"}}}""").Faults.AbortAnswer;

        // Assert
        Assert.Equal(new AbortAnswerFault { Mode = AbortAnswerMode.Lost, Applied = false, Count = 1 }, abortAnswer);
    }

    [Theory]
    [InlineData("malformed", AbortAnswerMode.Malformed)]
    [InlineData("lost", AbortAnswerMode.Lost)]
    [InlineData("nonceUsed", AbortAnswerMode.NonceUsed)]
    [InlineData("errorCode", AbortAnswerMode.ErrorCode)]
    public void ParseFaults_AbortAnswerMode_ReadsCamelCaseName(string name, AbortAnswerMode expected)
    {
        // Act
        var faults = ScenarioLoader.ParseFaults($$$"""{"abortAnswer":{"mode":"{{{name}}}"}}""");

        // Assert
        Assert.Equal(expected, faults.AbortAnswer!.Mode);
    }

    [Fact]
    public void LoadNameOrFile_NeitherNameNorFile_ListsBuiltIns()
    {
        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadNameOrFile("no-such-thing"));

        // Assert
        Assert.Contains("healthy-rollout", error.Message);
    }

    [Fact]
    public void LoadNameOrFile_File_LoadsIt()
    {
        // Arrange
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"name":"from-file","apps":[{"appId":"a"}]}""");

        try
        {
            // Act
            var scenario = ScenarioLoader.LoadNameOrFile(path);

            // Assert
            Assert.Equal("from-file", scenario.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
