using ChangeGuard.Domain.Policies;
using ChangeGuard.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Functions.Tests.Configuration;

/// <summary>Builds the Functions app's host the way Program.cs does and runs the checks the host runs when it starts.</summary>
public sealed class StartupValidationTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static void Validate(IDictionary<string, string?> settings, Func<string, string?>? environment = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddChangeGuardFunctions(builder.Configuration, environment ?? NoEnvironment);
        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static Dictionary<string, string?> Sample(params (string Key, string? Value)[] overrides)
    {
        var settings = LocalSettings.AsConfiguration();
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    private static string Messages(Exception ex) => ex is AggregateException aggregate
        ? string.Join(" | ", aggregate.InnerExceptions.Select(e => e.Message))
        : ex.Message;

    [Fact]
    public void Validate_SampleSettings_Starts()
    {
        // Act
        var exception = Record.Exception(() => Validate(Sample()));

        // Assert
        Assert.Null(exception);
    }

    [Theory]
    [InlineData("ChangeGuard:Policy:PollInterval", "00:00:00.1", "ChangeGuard:Policy:pollInterval")]
    [InlineData("ChangeGuard:Policy:MaxUnavailableRatio", "5", "ChangeGuard:Policy:maxUnavailableRatio")]
    [InlineData("ChangeGuard:PollsPerGeneration", "1", "ChangeGuard:PollsPerGeneration")]
    [InlineData("ChangeGuard:Guard:Schedule", "every five minutes", "ChangeGuard:Guard:Schedule")]
    [InlineData("ChangeGuard:Guard:HardMaximum", "00:01:00", "ChangeGuard:Guard:HardMaximum")]
    [InlineData("ChangeGuard:Guard:Apps:0:RegionId", "Hangzhou!", "ChangeGuard:Guard:Apps:0:RegionId")]
    [InlineData("Sae:Endpoint", "ftp://127.0.0.1", "Sae:Endpoint")]
    [InlineData("Sae:MaxReadAttempts", "0", "Sae:MaxReadAttempts")]
    [InlineData("ChangeGuard:Notifications:Channels:ops:Type", "pager", "ChangeGuard:Notifications:Channels:ops:Type")]
    [InlineData("ChangeGuard:Notifications:Default:0", "ops", "ChangeGuard:Notifications:Default:0")]
    [InlineData("ChangeGuard:Signals:ProbeTargets:0", "gate.example.com", "ChangeGuard:Signals:ProbeTargets:0")]
    [InlineData("ChangeGuard:Signals:Prometheus:arms:Url", "https://id:secret@arms.example.com/", "ChangeGuard:Signals:Prometheus:arms:Url")]
    public void Validate_InvalidSetting_FailsNamingTheSetting(string key, string value, string named)
    {
        // Act
        var exception = Record.Exception(() => Validate(Sample((key, value))));

        // Assert
        Assert.NotNull(exception);
        Assert.Contains(named, Messages(exception));
    }

    [Fact]
    public void Validate_ScheduleMissing_FailsNamingTheSetting()
    {
        // Act
        var exception = Record.Exception(() => Validate(Sample(("ChangeGuard:Guard:Schedule", null))));

        // Assert
        Assert.NotNull(exception);
        Assert.Contains("ChangeGuard:Guard:Schedule is required", Messages(exception));
    }

    [Fact]
    public void Validate_CredentialsMissing_FailsNamingTheSettings()
    {
        // Act
        var exception = Record.Exception(() => Validate(Sample(("Sae:AccessKeyId", null), ("Sae:AccessKeySecret", null))));

        // Assert
        Assert.NotNull(exception);
        Assert.Contains("Sae:AccessKeyId", Messages(exception));
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", Messages(exception));
    }

    [Fact]
    public void Validate_CredentialsOnlyInEnvironment_Starts()
    {
        // Arrange
        var environment = new Dictionary<string, string?> { ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "id", ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "secret" };

        // Act
        var exception = Record.Exception(() => Validate(Sample(("Sae:AccessKeyId", null), ("Sae:AccessKeySecret", null)), name => environment.GetValueOrDefault(name)));

        // Assert
        Assert.Null(exception);
    }

    [Fact]
    public void Validate_PolicyOverriddenInSettings_LeavesTheBuiltInDefaultsAlone()
    {
        // Act
        Record.Exception(() => Validate(Sample(("ChangeGuard:Policy:PollInterval", "00:00:00.1"), ("ChangeGuard:Policy:FailureLimit", "7"))));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(15), WatchPolicy.Default.PollInterval);
        Assert.Equal(2, WatchPolicy.Default.FailureLimit);
    }
}
