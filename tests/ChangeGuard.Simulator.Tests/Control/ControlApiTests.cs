using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChangeGuard.Domain;
using ChangeGuard.Sae.Models;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Simulator.Tests.Control;

public sealed class ControlApiTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1").Build());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private Uri Url(string path) => new(_sim.BaseAddress, path);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Health_Get_AnswersOk()
    {
        // Act
        using var response = await _http.GetAsync(Url("/_sim/health"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostScenario_ValidScenario_ReplacesTheWorld()
    {
        // Act
        using var response = await _http.PostAsync(Url("/_sim/scenario"), Json("""{"name":"posted","apps":[{"appId":"app-9","changeOrders":[{"changeOrderId":"co-9"}]}]}"""));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("posted", body.GetProperty("scenario").GetString());
        Assert.Equal("co-9", body.GetProperty("apps")[0].GetProperty("changeOrders")[0].GetString());
    }

    [Fact]
    public async Task PostScenario_InvalidScenario_AnswersProblemDetailsNamingField()
    {
        // Act
        using var response = await _http.PostAsync(Url("/_sim/scenario"), Json("""{"apps":[{"appId":"a","replicas":-1}]}"""));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("apps[0].replicas", body);
    }

    [Fact]
    public async Task PostChangeOrder_ToApp_StartsItNow()
    {
        // Act
        using var response = await _http.PostAsync(Url("/_sim/changeorders"), Json("""{"appId":"app-1","changeOrderId":"co-new","batches":[{"durationSeconds":600}]}"""));
        var order = await _sim.CreateClient().DescribeChangeOrderAsync("cn-hangzhou", "co-new");

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(ChangeOrderStatus.Executing, order.Status);
    }

    [Fact]
    public async Task PostChangeOrder_UnknownApp_AnswersNotFoundProblem()
    {
        // Act
        using var response = await _http.PostAsync(Url("/_sim/changeorders"), Json("""{"appId":"nope"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Confirm_WaitingManualBatch_MovesOn()
    {
        // Arrange
        using var created = await _http.PostAsync(Url("/_sim/changeorders"),
            Json("""{"appId":"app-1","changeOrderId":"co-m","batchType":"manual","batches":[{"durationSeconds":0.01},{"durationSeconds":600}]}"""));
        await Task.Delay(50);

        // Act
        using var response = await _http.PostAsync(Url("/_sim/changeorders/co-m/confirm"), null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Requests_AfterCalls_ListsThemByAction()
    {
        // Arrange
        var client = _sim.CreateClient();
        await client.DescribeApplicationGroupsAsync("cn-hangzhou", "app-1");
        await client.ListApplicationsAsync("cn-hangzhou", new ListApplicationsQuery());

        // Act
        var entries = await _http.GetFromJsonAsync<JsonElement>(Url("/_sim/requests?action=DescribeApplicationGroups"));

        // Assert
        Assert.Equal(1, entries.GetArrayLength());
        Assert.Equal("app-1", entries[0].GetProperty("parameters").GetProperty("AppId").GetString());
    }

    [Fact]
    public async Task PostFaults_Valid_AppliesThemAtOnce()
    {
        // Act
        using var response = await _http.PostAsync(Url("/_sim/faults"), Json("""{"deniedActions":["DescribeApplicationGroups"]}"""));
        var error = await Assert.ThrowsAsync<ChangeGuard.Sae.Errors.SaeException>(() => _sim.CreateClient().DescribeApplicationGroupsAsync("cn-hangzhou", "app-1"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ChangeGuard.Sae.Errors.SaeErrorKind.PermissionDenied, error.Kind);
    }
}
