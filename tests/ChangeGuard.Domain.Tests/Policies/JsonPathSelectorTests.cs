using System.Text.Json;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Policies;

public sealed class JsonPathSelectorTests
{
    private const string Answer = """{"data":{"ok":true,"items":[{"value":0.5}],"odd-name":1}}""";

    [Theory]
    [InlineData("{$}", Answer)]
    [InlineData("{$.data.ok}", "true")]
    [InlineData(".data.ok", "true")]
    [InlineData("$.data.items[0].value", "0.5")]
    [InlineData("{$.data['odd-name']}", "1")]
    public void Select_SupportedPath_FindsTheElement(string path, string expected)
    {
        // Arrange
        Assert.True(JsonPathSelector.TryParse(path, out var selector, out _));

        // Act
        var selected = selector.Select(JsonDocument.Parse(Answer).RootElement);

        // Assert
        Assert.Equal(expected, selected?.GetRawText());
    }

    [Fact]
    public void Select_MissingMember_ReturnsNull()
    {
        // Arrange
        JsonPathSelector.TryParse("{$.data.nothing}", out var selector, out _);

        // Act
        var selected = selector.Select(JsonDocument.Parse(Answer).RootElement);

        // Assert
        Assert.Null(selected);
    }

    [Theory]
    [InlineData("{$.items[*].value}")]
    [InlineData("{$.items[?(@.x)]}")]
    [InlineData("{$..value}")]
    [InlineData("data")]
    public void TryParse_UnsupportedPath_ReturnsFalse(string path)
    {
        // Act
        var parsed = JsonPathSelector.TryParse(path, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.NotEmpty(error);
    }
}
