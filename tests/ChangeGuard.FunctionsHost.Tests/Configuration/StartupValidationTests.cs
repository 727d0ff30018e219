using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Configuration;

/// <summary>A bad setting stops the worker at start-up, and the host's log says which setting, never a value.</summary>
[RequiresFunctionsHost]
public sealed class StartupValidationTests
{
    /// <summary>The status of a GET, or null when nothing accepts the connection.</summary>
    private static async Task<int?> StatusOrNullAsync(FunctionsHostProcess host, string path)
    {
        using var client = new FunctionsHostClient(host.BaseAddress, HostKeys.None);
        try
        {
            return (await client.SendAsync(HttpMethod.Get, path)).Status;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [ConditionalFact]
    public async Task Start_MissingSaeCredentials_LogsTheSettingNamesAndServesNoWatch()
    {
        // Arrange
        await using var app = await HostedApp.StartAsync(
            new ScenarioBuilder().WithApp("app-1").Build(),
            s => s.Without("Sae__AccessKeyId").Without("Sae__AccessKeySecret").With("Sae__SecurityToken", "sts-token-that-must-not-show"),
            hosts: 0);
        var host = await app.LaunchHostAsync();

        // Act
        await host.WaitForOutputAsync("SaeConfigurationException", TimeSpan.FromMinutes(1));
        var status = await StatusOrNullAsync(host, "/api/watches?code=any");

        // Assert: nothing listens yet (the host keeps retrying the worker), or the host answers without the function.
        Assert.NotEqual(200, status);
        Assert.Contains("Sae:AccessKeyId", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sts-token-that-must-not-show", host.Output, StringComparison.Ordinal);
    }
}
