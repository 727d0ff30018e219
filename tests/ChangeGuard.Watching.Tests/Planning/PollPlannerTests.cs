using ChangeGuard.Sae.Configuration;
using ChangeGuard.Testing.Options;
using ChangeGuard.Watching.Planning;
using Microsoft.Extensions.Time.Testing;

namespace ChangeGuard.Watching.Tests.Planning;

public sealed class PollPlannerTests
{
    private static readonly TimeSpan Fifteen = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private PollPlanner Planner(int perMinute = 50) =>
        new(new StaticOptionsMonitor<SaeClientOptions>(new SaeClientOptions { Budget = new SaeBudgetOptions { CallsPerMinute = perMinute } }), _time);

    [Fact]
    public void Advise_DemandWithinBudget_KeepsRequestedInterval()
    {
        // Arrange: 5 watches × 2 calls every 15 s = 40 calls a minute, under 45 (50 less the reserve).
        var planner = Planner();
        for (var i = 0; i < 4; i++)
        {
            planner.Advise($"co-{i}", Fifteen, elevated: false, callsPerPoll: 2);
        }

        // Act
        var interval = planner.Advise("co-4", Fifteen, elevated: false, callsPerPoll: 2);

        // Assert
        Assert.Equal(Fifteen, interval);
    }

    [Fact]
    public void Advise_FortyWatches_StretchesEachToFitTheBudget()
    {
        // Arrange: 40 × 8 calls a minute = 320 against 45.
        var planner = Planner();
        for (var i = 0; i < 39; i++)
        {
            planner.Advise($"co-{i}", Fifteen, elevated: false, callsPerPoll: 2);
        }

        // Act
        var interval = planner.Advise("co-39", Fifteen, elevated: false, callsPerPoll: 2);

        // Assert: the advised rate of all watches together is the budget less the reserve.
        var total = 40 * 2 * 60 / interval.TotalSeconds;
        Assert.InRange(total, 44, 45.5);
    }

    [Fact]
    public void Advise_ElevatedWatchAmongMany_KeepsItsIntervalWhileOthersStretch()
    {
        // Arrange
        var planner = Planner();
        for (var i = 0; i < 39; i++)
        {
            planner.Advise($"co-{i}", Fifteen, elevated: false, callsPerPoll: 2);
        }

        // Act
        var elevated = planner.Advise("co-bad", Fifteen, elevated: true, callsPerPoll: 2);
        var normal = planner.Advise("co-0", Fifteen, elevated: false, callsPerPoll: 2);

        // Assert
        Assert.Equal(Fifteen, elevated);
        Assert.True(normal > Fifteen * 5);
    }

    [Fact]
    public void Advise_TooManyElevated_KeepsAFloorForNormalWatches()
    {
        // Arrange: 20 elevated watches alone want 160 calls a minute.
        var planner = Planner();
        for (var i = 0; i < 20; i++)
        {
            planner.Advise($"hot-{i}", Fifteen, elevated: true, callsPerPoll: 2);
        }

        // Act
        var normal = planner.Advise("calm", Fifteen, elevated: false, callsPerPoll: 2);

        // Assert: the calm watch still polls, stretched no further than its floor share allows.
        Assert.Equal(Fifteen, normal);
    }

    [Fact]
    public void Advise_VeryManyWatches_CapsAtTenMinutes()
    {
        // Arrange
        var planner = Planner(perMinute: 1);
        for (var i = 0; i < 500; i++)
        {
            planner.Advise($"co-{i}", Fifteen, elevated: false, callsPerPoll: 2);
        }

        // Act
        var interval = planner.Advise("co-last", Fifteen, elevated: false, callsPerPoll: 2);

        // Assert
        Assert.Equal(PollPlanner.MaxInterval, interval);
    }

    [Fact]
    public void Forget_EndedWatch_StopsCounting()
    {
        // Arrange
        var planner = Planner();
        planner.Advise("co-1", Fifteen, elevated: false, callsPerPoll: 2);

        // Act
        planner.Forget("co-1");

        // Assert
        Assert.Equal(0, planner.CurrentDemand().Watches);
    }

    [Fact]
    public void Advise_SilentWatches_ExpireAfterThreeIntervals()
    {
        // Arrange
        var planner = Planner();
        planner.Advise("co-1", Fifteen, elevated: false, callsPerPoll: 2);

        // Act
        _time.Advance(TimeSpan.FromMinutes(2));

        // Assert
        Assert.Equal(0, planner.CurrentDemand().Watches);
    }

    [Theory]
    [InlineData(59, 1)]
    [InlineData(61, 0)]
    public void Advise_SilentElevatedWatch_ExpiresAfterFourRequestedIntervals(int seconds, int counted)
    {
        // Arrange: a watch counting a breach keeps its 15 s interval; once it stops polling it counts for a minute only
        var planner = Planner();
        planner.Advise("co-1", Fifteen, elevated: true, callsPerPoll: 2);

        // Act
        _time.Advance(TimeSpan.FromSeconds(seconds));

        // Assert
        Assert.Equal(counted, planner.CurrentDemand().Watches);
    }

    [Fact]
    public void Advise_BudgetOff_KeepsRequestedInterval()
    {
        // Arrange
        var planner = Planner(perMinute: 0);
        for (var i = 0; i < 100; i++)
        {
            planner.Advise($"co-{i}", Fifteen, elevated: false, callsPerPoll: 2);
        }

        // Act / Assert
        Assert.Equal(Fifteen, planner.Advise("co-x", Fifteen, elevated: false, callsPerPoll: 2));
    }
}
