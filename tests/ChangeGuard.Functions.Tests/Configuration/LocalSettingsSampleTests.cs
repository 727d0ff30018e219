using ChangeGuard.Domain.Policies;
using ChangeGuard.Functions.Guard;
using ChangeGuard.Functions.Tests.Support;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Guard;
using Microsoft.Extensions.Configuration;

namespace ChangeGuard.Functions.Tests.Configuration;

/// <summary>The repository's <c>local.settings.sample.json</c>: it parses and holds every setting the app reads, spelled right.</summary>
public sealed class LocalSettingsSampleTests
{
    private static readonly IReadOnlyDictionary<string, string> Values = LocalSettings.Values();

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(LocalSettings.AsConfiguration()).Build();

    [Fact]
    public void Sample_HostSettings_AreForAzuriteAndTheIsolatedWorker()
    {
        // Assert
        Assert.False(LocalSettings.Sample().GetProperty("IsEncrypted").GetBoolean());
        Assert.Equal("UseDevelopmentStorage=true", Values["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", Values["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Sample_TimerSchedule_IsTheSettingTheTimerNamesAndTheGuardDefault()
    {
        // Arrange
        var settingName = RollbackGuardFunction.Schedule.Trim('%').Replace(":", "__", StringComparison.Ordinal);

        // Assert
        Assert.Equal(new RollbackGuardOptions().Schedule, Values[settingName]);
    }

    [Theory]
    [InlineData("Sae__Endpoint")]
    [InlineData("Sae__AccessKeyId")]
    [InlineData("Sae__AccessKeySecret")]
    [InlineData("ChangeGuard__Guard__Apps__0__RegionId")]
    [InlineData("ChangeGuard__Guard__Apps__0__AppId")]
    [InlineData("ChangeGuard__Guard__Namespaces__0__NamespaceId")]
    [InlineData("ChangeGuard__Guard__HardMaximum")]
    [InlineData("ChangeGuard__Guard__AdoptUnwatched")]
    [InlineData("ChangeGuard__PollsPerGeneration")]
    public void Sample_HoldsSetting(string name)
    {
        // Assert
        Assert.True(Values.ContainsKey(name), $"{name} is missing");
    }

    [Fact]
    public void Sample_DefaultPolicy_SetsEveryPolicyField()
    {
        // Arrange
        // Signals name servers and probe targets per watch: they come with the request, not the default policy.
        var fields = PolicyFields.All.Select(f => "ChangeGuard__Policy__" + string.Join("__", f.Name.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..])));

        // Assert
        Assert.All(fields, name => Assert.True(Values.ContainsKey(name), $"{name} is missing"));
    }

    [Fact]
    public void Sample_EverySetting_BindsToAnOption()
    {
        // Arrange
        var configuration = Configuration();
        void Strict(BinderOptions o) => o.ErrorOnUnknownConfiguration = true;

        // Act
        var sae = configuration.GetSection(SaeClientOptions.SectionName).Get<SaeClientOptions>(Strict);
        var guard = configuration.GetSection(RollbackGuardOptions.SectionName).Get<RollbackGuardOptions>(Strict);
        var policy = configuration.GetSection($"{ChangeGuardOptions.SectionName}:{nameof(ChangeGuardOptions.Policy)}").Get<WatchPolicy>(Strict);
        var sections = configuration.GetSection(ChangeGuardOptions.SectionName).GetChildren().Select(c => c.Key);

        // Assert
        Assert.NotNull(sae?.Endpoint);
        Assert.Equal("app-checkout", Assert.Single(guard!.Apps).AppId);
        Assert.Equal("cn-hangzhou:demo", Assert.Single(guard.Namespaces).NamespaceId);
        Assert.Equal(new WatchPolicy(), policy);
        Assert.Equal(["Guard", nameof(ChangeGuardOptions.Policy), nameof(ChangeGuardOptions.PollsPerGeneration)], sections.Order(StringComparer.Ordinal));
        Assert.Empty(Values.Keys.Where(k => !k.StartsWith("Sae__", StringComparison.Ordinal) && !k.StartsWith("ChangeGuard__", StringComparison.Ordinal))
            .Except(["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME"]));
    }
}
