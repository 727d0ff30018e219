using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>Each poll records the values it judged, in the order of the policy's measures, for charts.</summary>
public sealed class AssessorSampleTests
{
    [Fact]
    public void Assess_BreachingBatch_RecordsItsUnavailableRatioAndRestarts()
    {
        // Arrange
        var watch = Polls.Watch();

        // Act
        var assessment = Assessor.Assess(watch, WatchState.Initial, Polls.Only(Poll.Breach), Polls.Now);

        // Assert
        var sample = Assert.Single(assessment.State.Samples);
        Assert.Equal(new double?[] { 0.5, 0 }, sample.Values);
        Assert.Equal((1, Polls.Now), (sample.Poll, sample.At));
    }

    [Fact]
    public void Assess_SaeUnreadable_RecordsNoInstanceValues()
    {
        // Arrange
        var watch = Polls.Watch();

        // Act
        var assessment = Assessor.Assess(watch, WatchState.Initial, Polls.Only(Poll.TransientError), Polls.Now);

        // Assert
        Assert.Equal(new double?[] { null, null }, Assert.Single(assessment.State.Samples).Values);
    }

    [Fact]
    public void Assess_Signals_RecordsEachValueInThePolicysOrder()
    {
        // Arrange
        var watch = Polls.Watch(WatchPolicy.Default with
        {
            Signals = [SignalBuilder.Prometheus("latency", "q", 0.5), SignalBuilder.Prometheus("error-rate", "q", 0.05)],
        });
        var measured = new PollMeasurements(Polls.Sae(Poll.Healthy), [Measured.Value("error-rate", 0.08), Measured.NoData("latency")]);

        // Act
        var assessment = Assessor.Assess(watch, WatchState.Initial, measured, Polls.Now);

        // Assert
        Assert.Equal(new double?[] { 0, 0, null, 0.08 }, Assert.Single(assessment.State.Samples).Values);
    }

    [Fact]
    public void Assess_ManyPolls_KeepsTheLastSamples()
    {
        // Arrange
        var watch = Polls.Watch();
        var polls = Enumerable.Repeat(Poll.Healthy, WatchState.SamplesKept + 5).ToArray();

        // Act
        var state = Polls.After(watch, polls);

        // Assert
        Assert.Equal(WatchState.SamplesKept, state.Samples.Count);
        Assert.Equal(polls.Length, state.Samples[^1].Poll);
    }

    [Fact]
    public void For_Policy_NamesTheInstanceMeasuresThenEachSignalWithItsThreshold()
    {
        // Arrange
        var policy = WatchPolicy.Default with { Signals = [SignalBuilder.Prometheus("error-rate", "q", 0.05)] };

        // Act
        var measures = JudgedMeasure.For(policy);

        // Assert
        Assert.Equal(
            [
                new JudgedMeasure(JudgedMeasure.UnavailableRatio, policy.MaxUnavailableRatio, SignalComparison.AtMost),
                new JudgedMeasure(JudgedMeasure.Restarts, policy.MaxRestarts, SignalComparison.AtMost),
                new JudgedMeasure("error-rate", 0.05, SignalComparison.AtMost),
            ],
            measures);
    }
}
