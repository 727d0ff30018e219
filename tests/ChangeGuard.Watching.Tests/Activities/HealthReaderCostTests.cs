using ChangeGuard.Domain;
using ChangeGuard.Domain.Health;
using ChangeGuard.Watching.Activities;

namespace ChangeGuard.Watching.Tests.Activities;

/// <summary>What the reader tells the call budget a watch's polls will cost.</summary>
public sealed class HealthReaderCostTests
{
    private static readonly ChangeOrderProgress Running = new(ChangeOrderStatus.Executing, ChangeOrderSubStatus.Normal, 1, 2, null, null, AnyBatchStarted: true);

    public static TheoryData<string, ReadHealthRequest, double> Requests() => new()
    {
        { "no order known yet", new("cn-hangzhou", "app-1", "co-1", null), 1 },
        { "no batch runs", new("cn-hangzhou", "app-1", "co-1", "g", KnownOrder: Running with { AnyBatchStarted = false }), 1 },
        { "steady", new("cn-hangzhou", "app-1", "co-1", "g", ReadOrder: false, KnownOrder: Running), HealthReader.SteadyCallsPerPoll },
        { "periodic order read", new("cn-hangzhou", "app-1", "co-1", "g", ReadOrder: true, KnownOrder: Running), HealthReader.SteadyCallsPerPoll },
        { "counting a breach", new("cn-hangzhou", "app-1", "co-1", "g", Elevated: true, ReadOrder: true, KnownOrder: Running), 2 },
        { "a promoting watch's manual batch runs", new("cn-hangzhou", "app-1", "co-1", "g", ReadOrder: true, KnownOrder: Running with { ManualBatches = true }, OrderEveryPoll: true), 2 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void ExpectedCallsPerPoll_Request_IsTheWatchsAverageFromNowOn(string why, ReadHealthRequest request, double expected)
    {
        // Act
        var calls = HealthReader.ExpectedCallsPerPoll(request);

        // Assert
        Assert.True(expected == calls, $"{why}: {calls}");
    }
}
