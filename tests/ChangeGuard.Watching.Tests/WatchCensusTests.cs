using System.Diagnostics.Metrics;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChangeGuard.Watching.Tests;

public sealed class WatchCensusTests
{
    private readonly DurableClientMock _client = new();

    private WatchApi Api() => new(_client.Object, WatchPolicy.Default, Mock.Of<ISaeCredentialSource>());

    private void Running(WatchPhase? phase, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running) =>
        _client.With("co-1", status, progress: phase is { } known ? new WatchProgress { Phase = known } : null);

    [Theory]
    [InlineData(WatchPhase.Watching, OrchestrationRuntimeStatus.Running, "watching")]
    [InlineData(WatchPhase.Aborting, OrchestrationRuntimeStatus.Running, "aborting")]
    [InlineData(null, OrchestrationRuntimeStatus.Running, "starting")]
    [InlineData(null, OrchestrationRuntimeStatus.Pending, "pending")]
    [InlineData(WatchPhase.Watching, OrchestrationRuntimeStatus.Suspended, "suspended")]
    public async Task CountAsync_ActiveWatch_CountsItUnderItsState(WatchPhase? phase, OrchestrationRuntimeStatus status, string state)
    {
        // Arrange
        Running(phase, status);
        var census = new WatchCensus();

        // Act
        var counts = await census.CountAsync(Api());

        // Assert
        Assert.Equal(1, counts[state]);
        Assert.Equal(1, counts.Values.Sum());
        Assert.Equal(WatchCensus.States.Order(), counts.Keys.Order());
    }

    [Fact]
    public async Task CountAsync_WithMeters_ReportsEveryStateAsTheGauge()
    {
        // Arrange
        Running(WatchPhase.Watching);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var census = new WatchCensus(services.GetRequiredService<IMeterFactory>());
        var measured = new Dictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChangeGuardTelemetry.Name && instrument.Name == "changeguard.watches.active")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => measured[(string)tags[0].Value!] = value);
        listener.Start();

        // Act
        await census.CountAsync(Api());
        listener.RecordObservableInstruments();

        // Assert
        Assert.Equal(1, measured["watching"]);
        Assert.Equal(WatchCensus.States.Count, measured.Count);
    }
}
