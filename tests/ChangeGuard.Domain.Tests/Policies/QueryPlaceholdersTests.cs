using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Policies;

public sealed class QueryPlaceholdersTests
{
    [Fact]
    public void Fill_Query_ReplacesEveryPlaceholderAndEscapesQuotes()
    {
        // Arrange
        var context = new SignalContext("cn-hangzhou", "app-1", "co-1", "check\"out");

        // Act
        var query = QueryPlaceholders.Fill("x{service=\"{{appName}}\",app=\"{{ appId }}\",co=\"{{changeOrderId}}\",r=\"{{regionId}}\"}[{{window}}]", context, TimeSpan.FromSeconds(90));

        // Assert
        Assert.Equal("x{service=\"check\\\"out\",app=\"app-1\",co=\"co-1\",r=\"cn-hangzhou\"}[1m30s]", query);
    }

    [Fact]
    public void Unknown_UnknownPlaceholder_IsNamed()
    {
        // Act
        var unknown = QueryPlaceholders.Unknown("up{app=\"{{app}}\"}");

        // Assert
        Assert.Equal("app", unknown);
    }
}
