using System.Net;
using ChangeGuard.Domain;
using ChangeGuard.Functions.Guard;
using ChangeGuard.Functions.Tests.Support;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Models;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Logging;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Guard;
using ChangeGuard.Watching.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Moq;

namespace ChangeGuard.Functions.Tests.Guard;

public sealed class RollbackGuardFunctionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Mock<ISaeClient> _sae = new();
    private readonly DurableClientMock _client = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly WatchCensus _census = new();
    private readonly ILoggerFactory _loggerFactory;

    public RollbackGuardFunctionTests() => _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs));

    public void Dispose() => _loggerFactory.Dispose();

    private RollbackGuardFunction Function()
    {
        var options = new RollbackGuardOptions { Apps = [new GuardedApp { RegionId = "cn-hangzhou", AppId = "app-1" }] };
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var guard = new RollbackGuard(_sae.Object, options, time, _loggerFactory.CreateLogger<RollbackGuard>());
        return new RollbackGuardFunction(guard, Watches.Factory(), _census, _loggerFactory.CreateLogger<RollbackGuardFunction>());
    }

    private void RunningOrders(params string[] ids) =>
        _sae.Setup(s => s.ListChangeOrdersAsync("cn-hangzhou", It.IsAny<ListChangeOrdersQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeOrderPage
            {
                ChangeOrderList = ids.Select(id => new ChangeOrderSummary { ChangeOrderId = id, Status = ChangeOrderStatus.Executing, CreateTime = Now.AddMinutes(-5) }).ToArray(),
            });

    [Fact]
    public async Task RunAsync_UnwatchedRunningOrder_AdoptsItAndLogsTheReport()
    {
        // Arrange
        RunningOrders("co-9");

        // Act
        await Function().RunAsync(new TimerInfo(), _client.Object, default);

        // Assert
        var (name, input, _) = Assert.Single(_client.Scheduled);
        Assert.Equal(nameof(WatchOrchestrator), name);
        Assert.Equal("co-9", input.Target.ChangeOrderId);
        Assert.Equal(RollbackGuard.Actor, input.RequestedBy);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("1 adopted") && l.Contains("adopted: co-9"));
    }

    [Fact]
    public async Task RunAsync_OrderAlreadyWatched_LeavesItToItsWatch()
    {
        // Arrange
        RunningOrders("co-1");
        _client.With("co-1", Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running);

        // Act
        await Function().RunAsync(new TimerInfo(), _client.Object, default);

        // Assert
        Assert.Empty(_client.Scheduled);
        Assert.Contains(_logs.Lines, l => l.Contains("1 already watched") && l.Contains("adopted: -"));
    }

    [Fact]
    public async Task RunAsync_WatchRunning_CountsItForTheGauge()
    {
        // Arrange
        RunningOrders("co-1");
        _client.With("co-1", Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running, progress: new WatchProgress { Phase = WatchPhase.Watching });

        // Act
        await Function().RunAsync(new TimerInfo(), _client.Object, default);

        // Assert
        Assert.Equal(1, _census.Counts["watching"]);
    }

    [Fact]
    public async Task RunAsync_SaeFails_LogsAWarningNamingTheApp()
    {
        // Arrange
        _sae.Setup(s => s.ListChangeOrdersAsync(It.IsAny<string>(), It.IsAny<ListChangeOrdersQuery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SaeException("ListChangeOrders", SaeErrorKind.Throttled, HttpStatusCode.BadRequest, "Throttling.User", "slow down", "req-1"));

        // Act
        await Function().RunAsync(new TimerInfo(), _client.Object, default);

        // Assert
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("could not sweep") && l.Contains("app-1"));
        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task RunAsync_PastDue_LogsItAndStillSweeps()
    {
        // Arrange
        RunningOrders();

        // Act
        await Function().RunAsync(new TimerInfo { IsPastDue = true }, _client.Object, default);

        // Assert
        Assert.Contains(_logs.Lines, l => l.Contains("past due"));
        _sae.Verify(s => s.ListChangeOrdersAsync("cn-hangzhou", It.IsAny<ListChangeOrdersQuery>(), It.IsAny<CancellationToken>()), Times.Once());
    }
}
