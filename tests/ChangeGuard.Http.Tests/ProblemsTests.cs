using ChangeGuard.Domain;

namespace ChangeGuard.Http.Tests;

/// <summary>Problem details name the field at fault, with the status each case answers.</summary>
public sealed class ProblemsTests
{
    [Fact]
    public void Invalid_SeveralErrors_GroupsThemByField()
    {
        // Act
        var problem = Problems.Invalid([new ValidationError("policy.timeout", "must be at most 24h"), new ValidationError("policy.timeout", "is late"), new ValidationError("appId", "is required")]);

        // Assert
        Assert.Equal(400, problem.StatusCode);
        var errors = Assert.IsType<Dictionary<string, string[]>>(problem.ProblemDetails.Extensions["errors"]);
        Assert.Equal(["must be at most 24h", "is late"], errors["policy.timeout"]);
        Assert.Equal("policy.timeout must be at most 24h, is late; appId is required", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void UnknownChangeOrder_Error_Is404NamingTheField()
    {
        // Act
        var problem = Problems.UnknownChangeOrder([new ValidationError("changeOrderId", "SAE has no change order 'x'")]);

        // Assert
        Assert.Equal(404, problem.StatusCode);
        Assert.True(((Dictionary<string, string[]>)problem.ProblemDetails.Extensions["errors"]!).ContainsKey("changeOrderId"));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    public void WatchProblems_ChangeOrder_AreClippedAndHaveTheirStatus(int status)
    {
        // Arrange
        var id = new string('x', 300);

        // Act
        var problem = status == 404 ? Problems.NotFound(id) : Problems.Ended(id);

        // Assert
        Assert.Equal(status, problem.StatusCode);
        Assert.DoesNotContain(id, problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }
}
