using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Policies;

public sealed class ProbeTargetAllowListTests
{
    private static readonly ProbeTargetAllowList AllowList = new(["https://gate.example.com/checks/", "http://127.0.0.1:18080"]);

    [Theory]
    [InlineData("https://gate.example.com/checks/smoke", true)]
    [InlineData("https://GATE.example.com/checks/a/b?x=1", true)]
    [InlineData("http://127.0.0.1:18080/apps/app-1/probe", true)]
    [InlineData("https://gate.example.com/checksum", false)]
    [InlineData("https://gate.example.com/checks/../admin", false)]
    [InlineData("http://gate.example.com/checks/smoke", false)]
    [InlineData("https://gate.example.com:8443/checks/smoke", false)]
    [InlineData("http://127.0.0.1:18081/", false)]
    [InlineData("http://169.254.169.254/latest/meta-data", false)]
    [InlineData("https://user:pw@gate.example.com/checks/smoke", false)]
    public void Allows_Url_MatchesOnlyConfiguredPrefixes(string url, bool expected)
    {
        // Act
        var allowed = AllowList.Allows(new Uri(url));

        // Assert
        Assert.Equal(expected, allowed);
    }
}
