using System.Text;
using System.Text.Json;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Watching.Tests.Orchestration;

public sealed class WatchStatusTests
{
    // Durable Functions and the Durable Task SDK cap custom status at 16 KB of UTF-16 JSON (8192 .NET characters).
    private const int CustomStatusLimitBytes = 16 * 1024;

    private static readonly DateTimeOffset StartedAt = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<JudgedMeasure> Measures = JudgedMeasure.For(new WatchPolicy());

    [Fact]
    public void From_ManyDecisions_KeepsTheLastFive()
    {
        // Arrange
        var state = StateWithDecisions(WatchState.DecisionsKept, reasonLength: 20);

        // Act
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, StartedAt.AddMinutes(5), Measures);

        // Assert
        Assert.Equal(WatchProgress.DecisionsShown, status.LastDecisions.Count);
        Assert.Equal([16, 17, 18, 19, 20], status.LastDecisions.Select(d => d.Poll));
    }

    [Fact]
    public void From_FewDecisions_KeepsThemAll()
    {
        // Arrange
        var state = StateWithDecisions(2, reasonLength: 20);

        // Act
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, null, Measures);

        // Assert
        Assert.Equal([1, 2], status.LastDecisions.Select(d => d.Poll));
    }

    [Fact]
    public void From_State_CopiesCountersAndPhase()
    {
        // Arrange
        var state = WatchState.Initial with
        {
            Polls = 7,
            ConsecutiveBreaches = 1,
            ConsecutiveErrors = 2,
            SaeCalls = 15,
            LastVerdict = VerdictKind.Breach,
            LastHealth = "unavailableRatio 0.50",
        };
        var nextPollAt = StartedAt.AddMinutes(2);

        // Act
        var status = WatchProgress.From(WatchPhase.Aborting, state, StartedAt, nextPollAt, Measures);

        // Assert
        Assert.Equal(
            new { Phase = WatchPhase.Aborting, Polls = 7, ConsecutiveBreaches = 1, ConsecutiveErrors = 2, SaeCalls = 15, LastVerdict = (VerdictKind?)VerdictKind.Breach, LastHealth = (string?)"unavailableRatio 0.50", StartedAt, NextPollAt = (DateTimeOffset?)nextPollAt },
            new { status.Phase, status.Polls, status.ConsecutiveBreaches, status.ConsecutiveErrors, status.SaeCalls, status.LastVerdict, status.LastHealth, status.StartedAt, status.NextPollAt });
    }

    [Fact]
    public void From_HugeReasons_TruncatesThem()
    {
        // Arrange
        var state = StateWithDecisions(WatchState.DecisionsKept, reasonLength: 100_000);

        // Act
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, null, Measures);

        // Assert
        Assert.InRange(status.LastHealth!.Length, 1, 1024);
        Assert.EndsWith("…", status.LastHealth, StringComparison.Ordinal);
        Assert.All(status.LastDecisions, d => Assert.InRange(d.Reason.Length, 1, 512));
    }

    [Fact]
    public void From_HugeReasons_SerializesUnderSixteenKilobytes()
    {
        // Arrange
        var state = StateWithDecisions(WatchState.DecisionsKept, reasonLength: 100_000);
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, StartedAt.AddMinutes(1), Measures);

        // Act
        var json = JsonSerializer.Serialize(status);

        // Assert
        Assert.InRange(Encoding.Unicode.GetByteCount(json), 1, CustomStatusLimitBytes - 1);
    }

    [Fact]
    public void From_HugeReasons_SerializesUnderSixteenKilobytesWithApiOptions()
    {
        // Arrange
        var state = StateWithDecisions(WatchState.DecisionsKept, reasonLength: 100_000);
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, StartedAt.AddMinutes(1), Measures);

        // Act
        var json = JsonSerializer.Serialize(status, ChangeGuardJson.Options);

        // Assert
        Assert.InRange(Encoding.Unicode.GetByteCount(json), 1, CustomStatusLimitBytes - 1);
    }

    [Theory]
    [InlineData('\u5931')]
    [InlineData('<')]
    public void From_HugeReasonsThatJsonEscapes_SerializesUnderSixteenKilobytes(char character)
    {
        // Arrange
        var state = StateWithDecisions(WatchState.DecisionsKept, reasonLength: 100_000, character);
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, StartedAt.AddMinutes(1), Measures);

        // Act
        var json = JsonSerializer.Serialize(status);

        // Assert
        Assert.InRange(Encoding.Unicode.GetByteCount(json), 1, CustomStatusLimitBytes - 1);
    }

    [Fact]
    public void From_MostSignalsAndSamples_SerializesUnderSixteenKilobytes()
    {
        // Arrange
        var signals = Enumerable.Range(0, SignalDefinition.MaxSignals)
            .Select(i => new SignalDefinition { Name = $"{i}".PadLeft(64, 's'), Prometheus = new PrometheusSignal { Query = "q", Threshold = 0.123456789 } })
            .ToArray();
        var policy = new WatchPolicy { Signals = signals };
        var state = StateWithDecisions(WatchState.DecisionsKept, reasonLength: 100_000);
        for (var poll = 1; poll <= WatchState.SamplesKept; poll++)
        {
            state = state.Record(new PollSample(StartedAt.AddSeconds(poll * 15), poll, Enumerable.Repeat<double?>(-1.234567890123e-300, 2 + signals.Length).ToArray()));
        }

        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, StartedAt.AddMinutes(1), JudgedMeasure.For(policy));

        // Act
        var json = JsonSerializer.Serialize(status);

        // Assert
        Assert.InRange(Encoding.Unicode.GetByteCount(json), 1, CustomStatusLimitBytes - 1);
    }

    [Fact]
    public void From_UsualWatchWithFullSamples_KeepsEverySample()
    {
        // Arrange
        var state = StateWithDecisions(WatchState.DecisionsKept, reasonLength: 120);
        for (var poll = 1; poll <= WatchState.SamplesKept; poll++)
        {
            state = state.Record(new PollSample(StartedAt.AddSeconds(poll * 15), poll, [0.25, 1]));
        }

        // Act
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, null, Measures);

        // Assert
        Assert.Equal(WatchState.SamplesKept, status.Chart!.Samples.Count);
    }

    [Fact]
    public void From_Samples_ChartsThemWithTheMeasures()
    {
        // Arrange
        var sample = new PollSample(StartedAt, 1, [0.5, 2]);
        var state = WatchState.Initial.Record(sample);

        // Act
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, null, Measures);

        // Assert
        Assert.Equal([JudgedMeasure.UnavailableRatio, JudgedMeasure.Restarts], status.Chart!.Measures.Select(m => m.Name));
        Assert.Equal(sample, Assert.Single(status.Chart.Samples));
    }

    [Fact]
    public void From_ReasonOfSurrogatePairs_NeverSplitsAPair()
    {
        // Arrange
        var reason = string.Concat(Enumerable.Repeat("\U0001F525", 2_000));
        var state = WatchState.Initial with { LastHealth = reason };
        state = state.Record(new Decision(StartedAt, 1, VerdictKind.Breach, reason, WatchAction.Abort, "abort"));
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, null, Measures);

        // Act
        var json = JsonSerializer.Serialize(status);

        // Assert
        Assert.DoesNotContain("\\uFFFD", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void From_ReasonAtLimit_IsKeptWhole()
    {
        // Arrange
        var reason = new string('r', 512);
        var state = WatchState.Initial.Record(new Decision(StartedAt, 1, VerdictKind.Breach, reason, WatchAction.Continue, "continue"));

        // Act
        var status = WatchProgress.From(WatchPhase.Watching, state, StartedAt, null, Measures);

        // Assert
        Assert.Equal(reason, Assert.Single(status.LastDecisions).Reason);
    }

    [Fact]
    public void From_NullHealth_StaysNull()
    {
        // Arrange
        var state = WatchState.Initial;

        // Act
        var status = WatchProgress.From(WatchPhase.Starting, state, StartedAt, StartedAt.AddSeconds(30), Measures);

        // Assert
        Assert.Null(status.LastHealth);
        Assert.Empty(status.LastDecisions);
    }

    private static WatchState StateWithDecisions(int count, int reasonLength, char character = 'r')
    {
        var state = WatchState.Initial with { Polls = count, LastVerdict = VerdictKind.Breach, LastHealth = new string(character, reasonLength) };
        for (var poll = 1; poll <= count; poll++)
        {
            state = state.Record(new Decision(StartedAt.AddSeconds(15 * poll), poll, VerdictKind.Breach, new string(character, reasonLength), WatchAction.Continue, "continue"));
        }

        return state;
    }
}
