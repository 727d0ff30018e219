using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Signals;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Watching.Tests.Orchestration;

public sealed class WatchOrchestratorSignalTests
{
    private static readonly SignalDefinition ErrorRate = SignalBuilder.Prometheus("error-rate", "q", 0.05, failureLimit: 2);

    private static WatchInput Input(int pollsPerGeneration = 50) =>
        new(new WatchTarget("cn-hangzhou", "app-1", "co-1"),
            WatchPolicy.Default with { PollInterval = TimeSpan.FromSeconds(10), Signals = [ErrorRate] },
            "test",
            PollsPerGeneration: pollsPerGeneration);

    private static ReadSignalsResult Ok() => new([Value(0.01)]);

    private static ReadSignalsResult Breach() => new([Value(0.08)]);

    private static SignalMeasurement Value(double value) =>
        new() { Name = "error-rate", Kind = MeasurementKind.Value, Detail = "1 series", Series = new SeriesRange(value, null, value, null, 1) };

    [Fact]
    public async Task RunAsync_SignalBreachesTwiceWithHealthyInstances_AbortsWithTheSignalsEvidence()
    {
        // Arrange
        var context = new OrchestrationContextMock()
            .Reads(HealthReads.Healthy(), HealthReads.Healthy(), HealthReads.Healthy())
            .Signals(Ok(), Breach(), Breach())
            .Aborts(HealthReads.Accepted())
            .Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));

        // Act
        var result = await new WatchOrchestrator().RunAsync(context.Object, Input());

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal("signal error-rate: 0.08 breaches the threshold <= 0.05", result.Reason);
        Assert.Equal("0.08", Assert.Single(result.Evidence).Observed);
        Assert.Equal(
            [nameof(ReadHealthActivity), nameof(ReadSignalsActivity), nameof(ReadHealthActivity), nameof(ReadSignalsActivity),
             nameof(ReadHealthActivity), nameof(ReadSignalsActivity), nameof(AbortChangeOrderActivity), nameof(ConfirmAbortActivity)],
            context.Calls);
        Assert.Equal(new SignalContext("cn-hangzhou", "app-1", "co-1", null), context.SignalRequests[0].Context);
    }

    [Fact]
    public async Task RunAsync_OrderSucceeds_ReadsNoSignalsOnTheFinalPoll()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy(), HealthReads.Succeeded()).Signals(Ok());

        // Act
        var result = await new WatchOrchestrator().RunAsync(context.Object, Input());

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Single(context.SignalRequests);
    }

    [Fact]
    public async Task RunAsync_ContinueAsNew_CarriesTheSignalsCounters()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy(), HealthReads.Healthy()).Signals(Ok(), Breach());

        // Act
        await new WatchOrchestrator().RunAsync(context.Object, Input(pollsPerGeneration: 2));

        // Assert
        Assert.Equal(new SignalCount("error-rate", 1, 0), Assert.Single(context.ContinuedWith!.State!.Signals));
        Assert.True(context.ContinuedWith.State.BatchStarted);
        Assert.Equal(1, context.Statuses[^1].Signals[0].ConsecutiveBreaches);
    }
}
