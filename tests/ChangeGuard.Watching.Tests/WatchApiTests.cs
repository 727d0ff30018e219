using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask.Client;
using Moq;

namespace ChangeGuard.Watching.Tests;

public sealed class WatchApiTests
{
    private readonly DurableClientMock _client = new();
    private readonly Mock<ISaeCredentialSource> _credentials = new();

    public WatchApiTests() =>
        _credentials.Setup(c => c.GetCredentials()).Returns(new SaeCredentials("id", "secret-value"));

    private WatchApi Api() => new(_client.Object, WatchPolicy.Default, _credentials.Object);

    [Fact]
    public async Task StartAsync_ValidRequest_SchedulesUnderDerivedIdWithDedupe()
    {
        // Act
        var result = await Api().StartAsync(WatchStartRequests.Valid());

        // Assert
        Assert.Equal(WatchStartKind.Started, result.Kind);
        var (name, input, options) = Assert.Single(_client.Scheduled);
        Assert.Equal(nameof(WatchOrchestrator), name);
        Assert.Equal("watch-co-1", options.InstanceId);
        Assert.NotNull(options.DedupeStatuses);
        Assert.Contains("Running", options.DedupeStatuses);
        Assert.Equal(3, input.Policy.FailureLimit);
        Assert.Equal(WatchPolicy.Default.PollInterval, input.Policy.PollInterval);
        Assert.Equal("ci", input.RequestedBy);
    }

    [Fact]
    public async Task StartAsync_AlreadyRunning_ReturnsExistingWithoutScheduling()
    {
        // Arrange
        _client.Instance = DurableClientMock.Metadata("watch-co-1", OrchestrationRuntimeStatus.Running,
            new WatchInput(new WatchTarget("cn-hangzhou", "app-1", "co-1"), WatchPolicy.Default, "earlier"));

        // Act
        var result = await Api().StartAsync(WatchStartRequests.Valid());

        // Assert
        Assert.Equal(WatchStartKind.AlreadyWatched, result.Kind);
        Assert.Equal("earlier", result.Watch!.RequestedBy);
        Assert.Empty(_client.Scheduled);
    }

    [Theory]
    [InlineData(null, "app-1", "co-1", "regionId")]
    [InlineData("Hangzhou", "app-1", "co-1", "regionId")]
    [InlineData("cn-hangzhou", "", "co-1", "appId")]
    [InlineData("cn-hangzhou", "app-1", null, "changeOrderId")]
    [InlineData("cn-hangzhou", "app-1", "co 1/../x", "changeOrderId")]
    public async Task StartAsync_BadIdentity_IsInvalidNamingTheField(string? region, string? app, string? order, string field)
    {
        // Act
        var result = await Api().StartAsync(WatchStartRequests.Valid(r => r with { RegionId = region, AppId = app, ChangeOrderId = order }));

        // Assert
        Assert.Equal(WatchStartKind.Invalid, result.Kind);
        Assert.Contains(result.Errors, e => e.Field == field);
        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task StartAsync_AbsurdThresholds_NameEachPolicyField()
    {
        // Act
        var result = await Api().StartAsync(WatchStartRequests.Valid(r => r with
        {
            Policy = new WatchPolicyOverrides { PollInterval = TimeSpan.FromMilliseconds(10), FailureLimit = -1, MaxUnavailableRatio = 7 },
        }));

        // Assert
        Assert.Equal(WatchStartKind.Invalid, result.Kind);
        var fields = result.Errors.Select(e => e.Field).ToArray();
        Assert.Equal(3, fields.Length);
        Assert.Contains("policy.pollInterval", fields);
        Assert.Contains("policy.failureLimit", fields);
        Assert.Contains("policy.maxUnavailableRatio", fields);
    }

    [Fact]
    public async Task StartAsync_NoCredentials_IsInvalidNamingCredentialsWithoutSecret()
    {
        // Arrange
        _credentials.Setup(c => c.GetCredentials()).Throws(new SaeConfigurationException("SAE credentials are missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"));

        // Act
        var result = await Api().StartAsync(WatchStartRequests.Valid());

        // Assert
        Assert.Equal(WatchStartKind.Invalid, result.Kind);
        var error = Assert.Single(result.Errors);
        Assert.Equal("credentials", error.Field);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", error.Message);
    }

    [Fact]
    public async Task StartAsync_NullBody_IsInvalidNamingBody()
    {
        // Act
        var result = await Api().StartAsync(null!);

        // Assert
        Assert.Equal("body", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task AbortAsync_RunningWatch_RaisesAbortNowWithClippedText()
    {
        // Arrange
        _client.Instance = DurableClientMock.Metadata("watch-co-1", OrchestrationRuntimeStatus.Running,
            new WatchInput(new WatchTarget("cn-hangzhou", "app-1", "co-1"), WatchPolicy.Default, null));

        // Act
        var result = await Api().AbortAsync("co-1", new ManualCommand(new string('x', 5000), "alice"));

        // Assert
        Assert.Equal(CommandDelivery.Accepted, result);
        var raised = Assert.Single(_client.Raised);
        Assert.Equal(WatchEvents.AbortNow, raised.EventName);
        Assert.Equal(512, raised.Command.Reason!.Length);
    }

    [Fact]
    public async Task StopAsync_NoWatch_IsNotFound()
    {
        // Act
        var result = await Api().StopAsync("co-1", new ManualCommand(null, null));

        // Assert
        Assert.Equal(CommandDelivery.NotFound, result);
        Assert.Empty(_client.Raised);
    }

    [Fact]
    public async Task StopAsync_CompletedWatch_IsAlreadyEnded()
    {
        // Arrange
        _client.Instance = DurableClientMock.Metadata("watch-co-1", OrchestrationRuntimeStatus.Completed,
            new WatchInput(new WatchTarget("cn-hangzhou", "app-1", "co-1"), WatchPolicy.Default, null));

        // Act
        var result = await Api().StopAsync("co-1", new ManualCommand(null, null));

        // Assert
        Assert.Equal(CommandDelivery.AlreadyEnded, result);
    }

    [Fact]
    public async Task GetAsync_CompletedWatch_CarriesOutcome()
    {
        // Arrange
        var target = new WatchTarget("cn-hangzhou", "app-1", "co-1");
        _client.Instance = DurableClientMock.Metadata("watch-co-1", OrchestrationRuntimeStatus.Completed, new WatchInput(target, WatchPolicy.Default, null),
            new WatchResult { Outcome = WatchOutcome.Aborted, Target = target, Reason = "bad" });

        // Act
        var view = await Api().GetAsync("co-1");

        // Assert
        Assert.NotNull(view);
        Assert.True(view.HasEnded);
        Assert.Equal(WatchOutcome.Aborted, view.Result!.Outcome);
        Assert.Equal("app-1", view.AppId);
    }
}
