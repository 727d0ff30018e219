using System.Text.Json;
using ChangeGuard.Functions.Http;
using ChangeGuard.Functions.Tests.Support;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Http;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask.Client;
using Moq;

namespace ChangeGuard.Functions.Tests.Http;

public sealed class WatchHttpFunctionsTests
{
    private readonly DurableClientMock _client = new();
    private readonly WatchHttpFunctions _functions = new(Watches.Factory());

    private static JsonElement Json(HttpExchange exchange) => JsonDocument.Parse(exchange.Body).RootElement.Clone();

    private static void AssertProblem(HttpExchange exchange, int status, string? field = null)
    {
        Assert.Equal(status, exchange.Status);
        Assert.StartsWith("application/problem+json", exchange.ContentType);
        if (field is not null)
        {
            Assert.True(Json(exchange).GetProperty("errors").TryGetProperty(field, out _), exchange.Body);
        }
    }

    private async Task<HttpExchange> StartAsync(string? body)
    {
        var request = HttpExchanges.Request(HttpMethod.Post, "/api/watches", body);
        return await HttpExchanges.ExecuteAsync(await _functions.StartAsync(request, _client.Object, default), request);
    }

    private async Task<HttpExchange> CommandAsync(string command, string changeOrderId, string? body)
    {
        var request = HttpExchanges.Request(HttpMethod.Post, $"/api/watches/{changeOrderId}/{command}", body);
        var result = command switch
        {
            "abort" => await _functions.AbortAsync(request, changeOrderId, _client.Object, default),
            "promote" => await _functions.PromoteAsync(request, changeOrderId, _client.Object, default),
            _ => await _functions.StopAsync(request, changeOrderId, _client.Object, default),
        };
        return await HttpExchanges.ExecuteAsync(result, request);
    }

    [Fact]
    public async Task StartAsync_NewWatch_Answers202WithLocationAndSchedulesTheOrchestrator()
    {
        // Act
        var response = await StartAsync(Watches.StartBody);

        // Assert
        Assert.Equal(202, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        Assert.Equal("/api/watches/co-1", response.Location);
        Assert.Equal("co-1", Json(response).GetProperty("changeOrderId").GetString());
        var (name, input, _) = Assert.Single(_client.Scheduled);
        Assert.Equal(nameof(WatchOrchestrator), name);
        Assert.Equal("ci", input.RequestedBy);
    }

    [Fact]
    public async Task StartAsync_AlreadyWatched_Answers200WithTheExistingWatchAndSchedulesNothing()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Running);

        // Act
        var response = await StartAsync(Watches.StartBody);

        // Assert
        Assert.Equal(200, response.Status);
        Assert.Equal("earlier", Json(response).GetProperty("requestedBy").GetString());
        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task StartAsync_CalledTwice_SecondAnswers200()
    {
        // Act
        var first = await StartAsync(Watches.StartBody);
        var second = await StartAsync(Watches.StartBody);

        // Assert
        Assert.Equal(202, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Single(_client.Scheduled);
    }

    [Theory]
    [InlineData("""{"appId":"app-1","changeOrderId":"co-1"}""", "regionId", "is required")]
    [InlineData("""{"regionId":"cn-hangzhou","changeOrderId":"co-1"}""", "appId", "is required")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"pollInterval":"1ms"}}""", "policy.pollInterval", "between 1s and 10m")]
    [InlineData("{\"regionId\": ", "body", "not valid JSON")]
    [InlineData(null, "body", "JSON object is required")]
    public async Task StartAsync_InvalidInput_Answers400ProblemNamingTheField(string? body, string field, string message)
    {
        // Act
        var response = await StartAsync(body);

        // Assert
        AssertProblem(response, 400, field);
        Assert.Contains(message, Json(response).GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task GetAsync_NoWatch_Answers404()
    {
        // Arrange
        var request = HttpExchanges.Request(HttpMethod.Get, "/api/watches/co-none");

        // Act
        var response = await HttpExchanges.ExecuteAsync(await _functions.GetAsync(request, "co-none", _client.Object, default), request);

        // Assert
        AssertProblem(response, 404);
        Assert.Contains("co-none", Json(response).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetAsync_RunningWatch_Answers200WithTheWatch()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Running);
        var request = HttpExchanges.Request(HttpMethod.Get, "/api/watches/co-1");

        // Act
        var response = await HttpExchanges.ExecuteAsync(await _functions.GetAsync(request, "co-1", _client.Object, default), request);

        // Assert
        Assert.Equal(200, response.Status);
        var body = Json(response);
        Assert.Equal("co-1", body.GetProperty("changeOrderId").GetString());
        Assert.Equal("running", body.GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task GetAsync_InvalidId_Answers400NamingChangeOrderId()
    {
        // Arrange
        var request = HttpExchanges.Request(HttpMethod.Get, "/api/watches/x");

        // Act
        var response = await HttpExchanges.ExecuteAsync(await _functions.GetAsync(request, "bad id/..", _client.Object, default), request);

        // Assert
        AssertProblem(response, 400, "changeOrderId");
        _client.Mock.Verify(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task ListAsync_StatusAndTop_AnswersAPageAndQueriesWatchesOnly()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Running);
        var request = HttpExchanges.Request(HttpMethod.Get, "/api/watches?status=running&top=5");

        // Act
        var response = await HttpExchanges.ExecuteAsync(await _functions.ListAsync(request, _client.Object, default), request);

        // Assert
        Assert.Equal(200, response.Status);
        Assert.Equal("co-1", Json(response).GetProperty("watches")[0].GetProperty("changeOrderId").GetString());
        var query = Assert.Single(_client.Queries);
        Assert.Equal("watch-", query!.InstanceIdPrefix);
        Assert.Equal([OrchestrationRuntimeStatus.Running], query.Statuses);
        Assert.Equal(5, query.PageSize);
    }

    [Theory]
    [InlineData("/api/watches?top=101", "top")]
    [InlineData("/api/watches?status=1", "status")]
    public async Task ListAsync_BadQuery_Answers400NamingTheParameter(string path, string field)
    {
        // Arrange
        var request = HttpExchanges.Request(HttpMethod.Get, path);

        // Act
        var response = await HttpExchanges.ExecuteAsync(await _functions.ListAsync(request, _client.Object, default), request);

        // Assert
        AssertProblem(response, 400, field);
        Assert.Empty(_client.Queries);
    }

    [Fact]
    public async Task AbortAsync_RunningWatch_Answers202AndRaisesAbortNowWithTheReason()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Running);

        // Act
        var response = await CommandAsync("abort", "co-1", """{"reason":"error rate","requestedBy":"alice"}""");

        // Assert
        Assert.Equal(202, response.Status);
        Assert.Equal("/api/watches/co-1", response.Location);
        Assert.Equal("abort", Json(response).GetProperty("accepted").GetString());
        var (instanceId, eventName, command) = Assert.Single(_client.Raised);
        Assert.Equal("watch-co-1", instanceId);
        Assert.Equal(WatchEvents.AbortNow, eventName);
        Assert.Equal("error rate", command.Reason);
        Assert.Equal("alice", command.RequestedBy);
    }

    [Fact]
    public async Task PromoteAsync_RunningWatch_Answers202AndRaisesPromoteNow()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Running);

        // Act
        var response = await CommandAsync("promote", "co-1", """{"requestedBy":"alice"}""");

        // Assert
        Assert.Equal(202, response.Status);
        Assert.Equal("promote", Json(response).GetProperty("accepted").GetString());
        var (_, eventName, command) = Assert.Single(_client.Raised);
        Assert.Equal(WatchEvents.PromoteNow, eventName);
        Assert.Equal("alice", command.RequestedBy);
    }

    [Fact]
    public async Task AbortAsync_NoWatch_Answers404()
    {
        // Act
        var response = await CommandAsync("abort", "co-none", """{"reason":"bad"}""");

        // Assert
        AssertProblem(response, 404);
        Assert.Empty(_client.Raised);
    }

    [Fact]
    public async Task AbortAsync_EndedWatch_Answers409()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Completed, Watches.Stopped());

        // Act
        var response = await CommandAsync("abort", "co-1", """{"reason":"bad"}""");

        // Assert
        AssertProblem(response, 409);
        Assert.Empty(_client.Raised);
    }

    [Fact]
    public async Task AbortAsync_ReasonOfWrongType_Answers400NamingReason()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Running);

        // Act
        var response = await CommandAsync("abort", "co-1", """{"reason":42}""");

        // Assert
        AssertProblem(response, 400, "reason");
        Assert.Empty(_client.Raised);
    }

    [Fact]
    public async Task StopAsync_RunningWatchWithoutBody_Answers202AndRaisesStopWatching()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Running);

        // Act
        var response = await CommandAsync("stop", "co-1", null);

        // Assert
        Assert.Equal(202, response.Status);
        Assert.Equal("stop", Json(response).GetProperty("accepted").GetString());
        Assert.Equal(WatchEvents.StopWatching, Assert.Single(_client.Raised).EventName);
    }

    [Fact]
    public async Task StopAsync_NoWatch_Answers404()
    {
        // Act
        var response = await CommandAsync("stop", "co-none", null);

        // Assert
        AssertProblem(response, 404);
    }

    [Fact]
    public async Task StopAsync_EndedWatch_Answers409()
    {
        // Arrange
        _client.With("co-1", OrchestrationRuntimeStatus.Failed);

        // Act
        var response = await CommandAsync("stop", "co-1", null);

        // Assert
        AssertProblem(response, 409);
        Assert.Empty(_client.Raised);
    }
}
