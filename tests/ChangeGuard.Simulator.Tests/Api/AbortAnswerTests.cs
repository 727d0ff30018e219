using System.Net;
using System.Text.Json;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Simulator.Tests.Api;

/// <summary>
/// The <c>abortAnswer</c> fault over real HTTP: the first accepted aborts of each order get an answer that leaves the
/// caller unsure whether its abort took effect, and SAE applied it or not as the fault says.
/// </summary>
public sealed class AbortAnswerTests
{
    /// <summary>Every answer mode, with the abort applied and not.</summary>
    public static TheoryData<AbortAnswerMode, bool> EveryModeAppliedOrNot()
    {
        var rows = new TheoryData<AbortAnswerMode, bool>();
        foreach (var mode in Enum.GetValues<AbortAnswerMode>())
        {
            rows.Add(mode, true);
            rows.Add(mode, false);
        }

        return rows;
    }

    private static Scenario WithFaults(FaultDefinition faults) => new ScenarioBuilder()
        .WithFaults(faults)
        .WithApp("app-1", a => a.WithChangeOrder("co-1", Long))
        .WithApp("app-2", a => a.WithChangeOrder("co-2", Long))
        .Build();

    private static Scenario WithAbortAnswer(AbortAnswerMode mode, bool applied = false, int count = 1) =>
        WithFaults(new FaultDefinition { AbortAnswer = new AbortAnswerFault { Mode = mode, Applied = applied, Count = count } });

    private static ChangeOrderDefinition Long(ChangeOrderDefinition order) => order with { Batches = [ChangeOrders.Batch(durationSeconds: 600)] };

    private static RawSaeRequest Abort(string changeOrderId = "co-1") => new()
    {
        Operation = SaeOperations.AbortChangeOrder,
        Query = [new("ChangeOrderId", changeOrderId), new("Rollback", "true")],
    };

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(SimulatorFixture sim, RawSaeRequest request)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(request.Build(sim.BaseAddress));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends an abort whose answer may never come (a reset connection).</summary>
    private static async Task AbortIgnoringTheAnswerAsync(SimulatorFixture sim, string changeOrderId = "co-1")
    {
        try
        {
            await SendAsync(sim, Abort(changeOrderId));
        }
        catch (HttpRequestException)
        {
        }
    }

    private static async Task<int> OrderStatusAsync(SimulatorFixture sim, string changeOrderId = "co-1")
    {
        var (_, body) = await SendAsync(sim, new RawSaeRequest { Operation = SaeOperations.DescribeChangeOrder, Query = [new("ChangeOrderId", changeOrderId)] });
        return JsonDocument.Parse(body).RootElement.GetProperty("Data").GetProperty("Status").GetInt32();
    }

    private static string[] AbortCodes(SimulatorFixture sim) => sim.Simulator.Log.Read("AbortChangeOrder").Select(e => e.Code).ToArray();

    [Fact]
    public async Task Abort_Malformed_Answers200WithTheSuccessEnvelopeCutShort()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(AbortAnswerMode.Malformed));

        // Act
        var (status, body) = await SendAsync(sim, Abort());

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("""{"RequestId":""", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Abort_Lost_ResetsTheConnectionWithoutAnAnswer()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(AbortAnswerMode.Lost));

        // Act / Assert
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(sim, Abort()));
    }

    [Fact]
    public async Task Abort_NonceUsed_Answers400SignatureNonceUsedInSaesErrorEnvelope()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(AbortAnswerMode.NonceUsed));

        // Act
        var (status, body) = await SendAsync(sim, Abort());

        // Assert
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(SaeErrorCodes.NonceUsed, json.GetProperty("Code").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("RequestId").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("Recommend").GetString()));
    }

    [Fact]
    public async Task Abort_ErrorCode_Answers200WithAnInternalErrorEnvelope()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(AbortAnswerMode.ErrorCode));

        // Act
        var (status, body) = await SendAsync(sim, Abort());

        // Assert
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SaeErrorCodes.InternalError, json.GetProperty("Code").GetString());
        Assert.Equal("The request processing has failed due to some unknown error.", json.GetProperty("Message").GetString());
        Assert.False(json.GetProperty("Success").GetBoolean());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("RequestId").GetString()));
    }

    [Theory]
    [MemberData(nameof(EveryModeAppliedOrNot))]
    public async Task Abort_Mode_OrderShowsAbortedOnlyWhenApplied(AbortAnswerMode mode, bool applied)
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(mode, applied));

        // Act
        await AbortIgnoringTheAnswerAsync(sim);
        var status = await OrderStatusAsync(sim);

        // Assert
        Assert.Equal(applied, status == 6);
    }

    [Theory]
    [MemberData(nameof(EveryModeAppliedOrNot))]
    public async Task Abort_Mode_IsLoggedWithWhetherItApplied(AbortAnswerMode mode, bool applied)
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(mode, applied));

        // Act
        await AbortIgnoringTheAnswerAsync(sim);

        // Assert
        var entry = Assert.Single(sim.Simulator.Log.Read("AbortChangeOrder"));
        Assert.Equal(applied, entry.AbortApplied);
    }

    [Fact]
    public async Task Abort_AppliedAndRepeated_MeetsNotRunning()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(AbortAnswerMode.ErrorCode, applied: true));
        await SendAsync(sim, Abort());

        // Act
        await SendAsync(sim, Abort());

        // Assert
        Assert.Equal(new[] { SaeErrorCodes.InternalError, SaeErrorCodes.ChangeOrderNotRunning }, AbortCodes(sim));
    }

    [Fact]
    public async Task Abort_CountTwo_ReplacesTheFirstTwoAcceptedAbortsThenAccepts()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(AbortAnswerMode.ErrorCode, count: 2));

        // Act
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(sim, Abort());
        }

        // Assert
        Assert.Equal(new[] { SaeErrorCodes.InternalError, SaeErrorCodes.InternalError, "200" }, AbortCodes(sim));
        Assert.Equal(6, await OrderStatusAsync(sim));
    }

    [Fact]
    public async Task Abort_Count_IsCountedPerOrder()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithAbortAnswer(AbortAnswerMode.ErrorCode));

        // Act
        await SendAsync(sim, Abort("co-1"));
        await SendAsync(sim, Abort("co-2"));
        await SendAsync(sim, Abort("co-1"));

        // Assert
        Assert.Equal(new[] { SaeErrorCodes.InternalError, SaeErrorCodes.InternalError, "200" }, AbortCodes(sim));
    }

    [Fact]
    public async Task Abort_BusyAnswers_DoNotUseUpCount()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition
        {
            AbortBusyCount = 1,
            AbortAnswer = new AbortAnswerFault { Mode = AbortAnswerMode.ErrorCode },
        }));

        // Act
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(sim, Abort());
        }

        // Assert
        Assert.Equal(new[] { SaeErrorCodes.ChangeOrderRunning, SaeErrorCodes.InternalError, "200" }, AbortCodes(sim));
    }

    [Fact]
    public async Task Abort_Denied_DoesNotUseUpCount()
    {
        // Arrange
        var abortAnswer = new AbortAnswerFault { Mode = AbortAnswerMode.ErrorCode };
        await using var sim = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition { DeniedActions = ["AbortChangeOrder"], AbortAnswer = abortAnswer }));
        await SendAsync(sim, Abort());
        sim.Simulator.World.SetFaults(new FaultDefinition { AbortAnswer = abortAnswer });

        // Act
        await SendAsync(sim, Abort());

        // Assert
        Assert.Equal(new[] { SaeErrorCodes.ResourceNoPermission, SaeErrorCodes.InternalError }, AbortCodes(sim));
    }

    [Fact]
    public async Task Abort_OrderFinishesJustBefore_AnswersNotRunningAsBefore()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(WithFaults(new FaultDefinition
        {
            FinishBeforeAbort = true,
            AbortAnswer = new AbortAnswerFault { Mode = AbortAnswerMode.ErrorCode },
        }));

        // Act
        await SendAsync(sim, Abort("co-1"));

        // Assert
        var entry = Assert.Single(sim.Simulator.Log.Read("AbortChangeOrder"));
        Assert.Equal(SaeErrorCodes.ChangeOrderNotRunning, entry.Code);
        Assert.False(entry.AbortApplied);
    }
}
