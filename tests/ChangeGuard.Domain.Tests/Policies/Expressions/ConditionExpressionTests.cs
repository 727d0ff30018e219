using System.Text.Json;
using ChangeGuard.Domain.Policies.Expressions;

namespace ChangeGuard.Domain.Tests.Policies.Expressions;

public sealed class ConditionExpressionTests
{
    private static object? Result(string json) => ExpressionValues.FromJson(JsonDocument.Parse(json).RootElement);

    [Theory]
    [InlineData("result == true", "true", true)]
    [InlineData("result.ok == true && result.errors < 5", """{"ok":true,"errors":3}""", true)]
    [InlineData("result.ok && result.errors < 5", """{"ok":true,"errors":7}""", false)]
    [InlineData("result[0] >= 0.95", "[0.97]", true)]
    [InlineData("asFloat(result.rate) <= 0.05", """{"rate":"0.08"}""", false)]
    [InlineData("asInt(result) == 200", "\"200\"", true)]
    [InlineData("isNil(result.missing)", "{}", true)]
    [InlineData("default(result.missing, 3) == 3", "{}", true)]
    [InlineData("!(result.status == 'down') || not true", """{"status":"up"}""", true)]
    [InlineData("result.status != \"ok\" or result.count * 2 > 10", """{"status":"ok","count":6}""", true)]
    [InlineData("len(result.items) == 2 and result['odd-name'] == -1", """{"items":[1,2],"odd-name":-1}""", true)]
    public void Evaluate_Condition_GivesExpected(string condition, string json, bool expected)
    {
        // Arrange
        var expression = ConditionExpression.Parse(condition);

        // Act
        var actual = expression.Evaluate(Result(json));

        // Assert
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("result >")]
    [InlineData("result.ok ==")]
    [InlineData("(result")]
    [InlineData("system('rm -rf /')")]
    [InlineData("env.HOME == 'x'")]
    [InlineData("asInt(1, 2) == 1")]
    [InlineData("'unclosed")]
    [InlineData("")]
    public void TryParse_BadCondition_ReturnsFalseWithPosition(string condition)
    {
        // Act
        var parsed = ConditionExpression.TryParse(condition, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void TryParse_DeepNesting_IsRefused()
    {
        // Arrange
        var condition = new string('!', 100) + "true";

        // Act
        var parsed = ConditionExpression.TryParse(condition, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Contains("deeper", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("result + 1", "1")]
    [InlineData("result.ok < 3", """{"ok":"yes"}""")]
    [InlineData("asInt(result) == 1", "\"one\"")]
    [InlineData("result.a.b == 1", "{}")]
    public void Evaluate_ConditionNotMeetingItsResult_Throws(string condition, string json)
    {
        // Arrange
        var expression = ConditionExpression.Parse(condition);

        // Act
        void Act() => expression.Evaluate(Result(json));

        // Assert
        Assert.Throws<ExpressionException>(Act);
    }
}
