using System.Diagnostics.Metrics;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Quota;
using ChangeGuard.Testing.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeGuard.Sae.Tests.Quota;

public sealed class SaeCallBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private SaeCallBudget Budget(int perMinute = 60, double burstSeconds = 5) =>
        new(new StaticOptionsMonitor<SaeClientOptions>(new SaeClientOptions { Budget = new SaeBudgetOptions { CallsPerMinute = perMinute, BurstSeconds = burstSeconds } }), _time);

    [Fact]
    public async Task AcquireAsync_WithinBurst_GrantsAtOnce()
    {
        // Arrange
        var budget = Budget(perMinute: 60, burstSeconds: 5);

        // Act
        for (var i = 0; i < 5; i++)
        {
            await budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None);
        }

        // Assert
        Assert.Equal(5, budget.Granted("ak"));
    }

    [Fact]
    public void AcquireAsync_BurstSpent_WaitsForRefill()
    {
        // Arrange
        var budget = Budget(perMinute: 60, burstSeconds: 1);
        _ = budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None);

        // Act
        var waiting = budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None);
        var before = waiting.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(2));

        // Assert
        Assert.False(before);
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void AcquireAsync_ElevatedAndNormalWaiting_ServesElevatedFirst()
    {
        // Arrange
        var budget = Budget(perMinute: 60, burstSeconds: 1);
        _ = budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None);
        var normal = budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None);
        var elevated = budget.AcquireAsync("ak", SaeCallPriority.Elevated, CancellationToken.None);

        // Act
        _time.Advance(TimeSpan.FromSeconds(1.1));

        // Assert
        Assert.True(elevated.IsCompletedSuccessfully);
        Assert.False(normal.IsCompleted);
    }

    [Fact]
    public void AcquireAsync_Abort_NeverWaits()
    {
        // Arrange
        var budget = Budget(perMinute: 60, burstSeconds: 1);
        _ = budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None);

        // Act
        var aborts = Enumerable.Range(0, 3).Select(_ => budget.AcquireAsync("ak", SaeCallPriority.Abort, CancellationToken.None)).ToArray();

        // Assert
        Assert.All(aborts, a => Assert.True(a.IsCompletedSuccessfully));
    }

    [Fact]
    public void Penalize_Throttled_PausesEveryoneUntilRetryAfter()
    {
        // Arrange
        var budget = Budget(perMinute: 600, burstSeconds: 5);
        budget.Penalize("ak", TimeSpan.FromSeconds(3));

        // Act
        var call = budget.AcquireAsync("ak", SaeCallPriority.Elevated, CancellationToken.None);
        var duringPause = call.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(3.5));

        // Assert
        Assert.False(duringPause);
        Assert.True(call.IsCompletedSuccessfully);
    }

    [Fact]
    public void AcquireAsync_Cancelled_LeavesTheQueue()
    {
        // Arrange
        var budget = Budget(perMinute: 60, burstSeconds: 1);
        _ = budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = budget.AcquireAsync("ak", SaeCallPriority.Normal, cancel.Token);

        // Act
        cancel.Cancel();

        // Assert
        Assert.True(waiting.IsCanceled);
    }

    [Fact]
    public async Task AcquireAsync_SustainedDemand_NeverExceedsBudgetInAnyMinute()
    {
        // Arrange: 200 callers all want a call now; each grant is stamped with the virtual second it happened in.
        var budget = Budget(perMinute: 50, burstSeconds: 5);
        var calls = Enumerable.Range(0, 200).Select(_ => budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None)).ToList();
        var grants = new List<DateTimeOffset>();

        // Act
        for (var second = 0; second <= 300 && calls.Count > 0; second++)
        {
            grants.AddRange(calls.Where(c => c.IsCompletedSuccessfully).Select(_ => _time.GetUtcNow()));
            calls.RemoveAll(c => c.IsCompletedSuccessfully);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.Yield();

        // Assert
        Assert.Equal(200, grants.Count);
        var ordered = grants.Order().ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            var inWindow = ordered.Count(g => g > ordered[i] - TimeSpan.FromMinutes(1) && g <= ordered[i]);
            Assert.True(inWindow <= 50, $"{inWindow} calls in the minute ending {ordered[i]:HH:mm:ss}");
        }
    }

    [Fact]
    public async Task AcquireAsync_BudgetOff_NeverWaits()
    {
        // Arrange
        var budget = Budget(perMinute: 0);

        // Act
        for (var i = 0; i < 1000; i++)
        {
            await budget.AcquireAsync("ak", SaeCallPriority.Normal, CancellationToken.None);
        }

        // Assert
        Assert.Equal(0, budget.Granted("ak"));
    }

    [Fact]
    public void Gauges_BurstSpentAndOneWaiting_ReportNoTokensAndOneWaitingPerMaskedKey()
    {
        // Arrange
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var budget = new SaeCallBudget(
            new StaticOptionsMonitor<SaeClientOptions>(new SaeClientOptions { Budget = new SaeBudgetOptions { CallsPerMinute = 60, BurstSeconds = 1 } }),
            _time,
            services.GetRequiredService<IMeterFactory>());
        var measured = new Dictionary<string, (double Value, string Key)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChangeGuardTelemetry.Name && instrument.Name is "changeguard.sae.budget.tokens" or "changeguard.sae.budget.waiting")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured[instrument.Name] = (value, (string)tags[0].Value!));
        listener.Start();
        _ = budget.AcquireAsync("LTAI5tKEY1234", SaeCallPriority.Normal, CancellationToken.None);
        _ = budget.AcquireAsync("LTAI5tKEY1234", SaeCallPriority.Normal, CancellationToken.None);

        // Act
        listener.RecordObservableInstruments();

        // Assert
        Assert.Equal((0, "…1234"), measured["changeguard.sae.budget.tokens"]);
        Assert.Equal((1, "…1234"), measured["changeguard.sae.budget.waiting"]);
    }
}
