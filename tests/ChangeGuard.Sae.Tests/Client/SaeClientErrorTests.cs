using System.Net;
using ChangeGuard.Domain;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Models;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Notifications;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>
/// SAE's error answers, as the simulator gives them (or a stub, for those it gives no read), reach callers as typed,
/// classified exceptions.
/// </summary>
public sealed class SaeClientErrorTests : IAsyncLifetime
{
    private const string Region = "cn-hangzhou";
    private SimulatorFixture _sim = null!;
    private ISaeClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync(Scenario());
        _client = _sim.CreateClient();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static Scenario Scenario(FaultDefinition? faults = null) => new ScenarioBuilder()
        .WithFaults(faults ?? new FaultDefinition())
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(durationSeconds: 600)] }))
        .Build();

    [Fact]
    public async Task AbortChangeOrder_FinishedOrder_ThrowsNotRunning()
    {
        // Arrange
        await _client.AbortChangeOrderAsync(Region, "co-1", rollback: true);

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.AbortChangeOrderAsync(Region, "co-1", rollback: true));

        // Assert
        Assert.Equal(SaeErrorKind.NotRunning, error.Kind);
        Assert.Equal(SaeErrorCodes.ChangeOrderNotRunning, error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.False(string.IsNullOrEmpty(error.Recommend));
        Assert.Equal("AbortChangeOrder", error.Action);
    }

    [Fact]
    public async Task AbortChangeOrder_OtherChangeInProgress_ThrowsChangeInProgressWithoutRetrying()
    {
        // Arrange
        _sim.Load(Scenario(new FaultDefinition { AbortBusyCount = 1 }));

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.AbortChangeOrderAsync(Region, "co-1", rollback: true));

        // Assert
        Assert.Equal(SaeErrorKind.ChangeInProgress, error.Kind);
        Assert.Equal(SaeErrorCodes.ChangeOrderRunning, error.Code);
        Assert.Single(_sim.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task AbortChangeOrder_Throttled_IsNotRetriedByTheClient()
    {
        // Arrange
        _sim.Load(Scenario(new FaultDefinition { ThrottleRatio = 1 }));

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.AbortChangeOrderAsync(Region, "co-1", rollback: true));

        // Assert
        Assert.Equal(SaeErrorKind.Throttled, error.Kind);
        Assert.Single(_sim.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Theory]
    [InlineData(AbortAnswerMode.Malformed, SaeRequestSender.MalformedAnswerCode)]
    [InlineData(AbortAnswerMode.Lost, null)]
    [InlineData(AbortAnswerMode.NonceUsed, SaeErrorCodes.NonceUsed)]
    [InlineData(AbortAnswerMode.ErrorCode, SaeErrorCodes.InternalError)]
    public async Task AbortChangeOrder_AnswerLeavingTheOutcomeUnknown_ThrowsTransientWithoutRetrying(AbortAnswerMode mode, string? code)
    {
        // Arrange
        _sim.Load(Scenario(new FaultDefinition { AbortAnswer = new AbortAnswerFault { Mode = mode, Applied = true } }));

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.AbortChangeOrderAsync(Region, "co-1", rollback: true));

        // Assert
        Assert.Equal(SaeErrorKind.Transient, error.Kind);
        Assert.Equal(code, error.Code);
        Assert.Single(_sim.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Theory]
    [InlineData("InternalError", SaeErrorKind.Transient)]
    [InlineData("ServiceUnavailable", SaeErrorKind.Transient)]
    [InlineData("Throttling.User", SaeErrorKind.Throttled)]
    [InlineData("Resouce.no.permission", SaeErrorKind.PermissionDenied)]
    [InlineData("InvalidChangeOrder.NotFound", SaeErrorKind.NotFound)]
    [InlineData("Application.ChangerOrder.Not.Running", SaeErrorKind.NotRunning)]
    [InlineData("Something.New", SaeErrorKind.Other)]
    public async Task DescribeChangeOrder_ErrorCodeIn200_IsClassifiedByItsCode(string code, SaeErrorKind expected)
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(_ => ReceiverAnswer.Ok($$"""{"RequestId":"r-1","Code":"{{code}}","Message":"refused","Success":false}"""));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 1);

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync(Region, "co-1"));

        // Assert
        Assert.Equal(expected, error.Kind);
    }

    [Fact]
    public async Task DescribeChangeOrder_GatewayErrorBodyIn200WithoutSuccess_IsClassifiedByItsCode()
    {
        // Arrange
        await using var stub = await StubSae.StartAsync(_ => ReceiverAnswer.Ok(
            """{"RequestId":"r-1","HostId":"sae.cn-hangzhou.aliyuncs.com","Code":"Throttling.User","Message":"Request was denied due to user flow control."}"""));
        var client = stub.CreateClient(o => o.MaxReadAttempts = 1);

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync(Region, "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Throttled, error.Kind);
    }

    [Fact]
    public async Task AbortChangeOrder_DeniedAction_ThrowsPermissionDenied()
    {
        // Arrange
        _sim.Load(Scenario(new FaultDefinition { DeniedActions = ["AbortChangeOrder"] }));

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.AbortChangeOrderAsync(Region, "co-1", rollback: true));

        // Assert
        Assert.Equal(SaeErrorKind.PermissionDenied, error.Kind);
        Assert.Equal(SaeErrorCodes.ResourceNoPermission, error.Code);
    }

    [Fact]
    public async Task AbortChangeOrder_OrderFinishesJustBefore_ThrowsNotRunning()
    {
        // Arrange
        _sim.Load(Scenario(new FaultDefinition { FinishBeforeAbort = true }));

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.AbortChangeOrderAsync(Region, "co-1", rollback: true));
        var order = await _client.DescribeChangeOrderAsync(Region, "co-1");

        // Assert
        Assert.Equal(SaeErrorKind.NotRunning, error.Kind);
        Assert.Equal(ChangeOrderStatus.Succeeded, order.Status);
    }

    [Fact]
    public async Task DescribeChangeOrder_UnknownId_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.DescribeChangeOrderAsync(Region, "co-missing"));

        // Assert
        Assert.Equal(SaeErrorKind.NotFound, error.Kind);
        Assert.Equal(SaeErrorCodes.ChangeOrderNotFound, error.Code);
    }

    [Fact]
    public async Task DescribeApplicationGroups_UnknownApp_ThrowsNotFoundWith404()
    {
        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.DescribeApplicationGroupsAsync(Region, "app-missing"));

        // Assert
        Assert.Equal(SaeErrorKind.NotFound, error.Kind);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(SaeErrorCodes.AppIdNotFound, error.Code);
    }

    [Fact]
    public async Task DescribeApplicationInstances_WrongGroup_ThrowsInvalidParameter()
    {
        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() =>
            _client.DescribeApplicationInstancesAsync(Region, new ApplicationInstancesQuery("app-1", "no-such-group")));

        // Assert
        Assert.Equal(SaeErrorKind.InvalidParameter, error.Kind);
    }

    [Fact]
    public async Task DescribeChangeOrder_WrongSecret_ThrowsUnauthenticated()
    {
        // Arrange
        var client = _sim.CreateClient(o => o.AccessKeySecret = "wrong-secret");

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync(Region, "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Unauthenticated, error.Kind);
        Assert.Equal(SaeErrorCodes.SignatureDoesNotMatch, error.Code);
        Assert.DoesNotContain("wrong-secret", error.ToString());
    }

    [Fact]
    public async Task DescribeChangeOrder_UnknownAccessKey_ThrowsUnauthenticated()
    {
        // Arrange
        var client = _sim.CreateClient(o => o.AccessKeyId = "someone-else");

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync(Region, "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Unauthenticated, error.Kind);
        Assert.Equal(SaeErrorCodes.AccessKeyNotFound, error.Code);
    }

    [Fact]
    public async Task DescribeChangeOrder_ServerAlwaysFails_ThrowsTransientAfterEveryAttempt()
    {
        // Arrange
        _sim.Load(Scenario(new FaultDefinition { ServerErrorRatio = 1 }));

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.DescribeChangeOrderAsync(Region, "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Transient, error.Kind);
        Assert.Equal(3, _sim.Simulator.Log.Read("DescribeChangeOrder").Count);
    }

    [Fact]
    public async Task DescribeChangeOrder_ConnectionAlwaysReset_ThrowsTransientWithoutStatus()
    {
        // Arrange
        _sim.Load(Scenario(new FaultDefinition { ResetRatio = 1 }));

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => _client.DescribeChangeOrderAsync(Region, "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Transient, error.Kind);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task DescribeChangeOrder_SlowerThanAttemptTimeout_ThrowsTransient()
    {
        // Arrange
        _sim.Load(Scenario(new FaultDefinition { LatencyMs = 2_000 }));
        var client = _sim.CreateClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.MaxReadAttempts = 1;
        });

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync(Region, "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Transient, error.Kind);
        Assert.Contains("no answer within", error.Message);
    }

    [Fact]
    public async Task DescribeChangeOrder_NothingListening_ThrowsTransient()
    {
        // Arrange
        var client = _sim.CreateClient(o =>
        {
            o.Endpoint = new Uri("http://127.0.0.1:1");
            o.MaxReadAttempts = 1;
        });

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync(Region, "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Transient, error.Kind);
        Assert.Contains("connection failed", error.Message);
    }
}
