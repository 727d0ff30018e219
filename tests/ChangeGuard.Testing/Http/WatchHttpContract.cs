using System.Text.Json;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;
using Xunit;

namespace ChangeGuard.Testing.Http;

/// <summary>
/// The HTTP contract of the watch API. Each host's test project derives from this class and says how to start
/// its host; xunit runs every case below against it, so the hosts cannot drift apart.
/// </summary>
public abstract class WatchHttpContract
{
    /// <summary>A start body with a fast policy.</summary>
    public const string StartBody = """{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"pollInterval":"1s","timeout":"10m"},"requestedBy":"contract"}""";

    /// <summary>Starts the host under test over a simulator playing <paramref name="scenario"/>.</summary>
    protected abstract Task<IWatchHttpHost> StartHostAsync(Scenario scenario);

    private static Scenario LongRunning() => new ScenarioBuilder()
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(4, 36_000)] }))
        .Build();

    private static JsonElement Json(HttpExchange exchange) => JsonDocument.Parse(exchange.Body).RootElement.Clone();

    private static void AssertProblem(HttpExchange exchange, int status, string? field = null)
    {
        Assert.Equal(status, exchange.Status);
        Assert.StartsWith("application/problem+json", exchange.ContentType);
        if (field is not null)
        {
            Assert.True(Json(exchange).GetProperty("errors").TryGetProperty(field, out _), $"no error named '{field}' in {exchange.Body}");
        }
    }

    private async Task<IWatchHttpHost> StartedAsync()
    {
        var host = await StartHostAsync(LongRunning());
        var started = await host.SendAsync(HttpMethod.Post, "/api/watches", StartBody);
        Assert.Equal(202, started.Status);
        return host;
    }

    [ConditionalFact]
    public async Task Start_NewWatch_Answers202WithLocationAndWatch()
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", StartBody);

        Assert.Equal(202, response.Status);
        Assert.Equal("/api/watches/co-1", response.Location);
        var body = Json(response);
        Assert.Equal("co-1", body.GetProperty("changeOrderId").GetString());
        Assert.Equal("1s", body.GetProperty("policy").GetProperty("pollInterval").GetString());
        Assert.Equal("contract", body.GetProperty("requestedBy").GetString());
    }

    [ConditionalFact]
    public async Task Start_AlreadyWatched_Answers200WithTheExistingWatch()
    {
        await using var host = await StartedAsync();

        var again = await host.SendAsync(HttpMethod.Post, "/api/watches", StartBody);

        Assert.Equal(200, again.Status);
        Assert.Equal("co-1", Json(again).GetProperty("changeOrderId").GetString());
    }

    [ConditionalTheory]
    [InlineData("{\"regionId\": ", "body")]
    [InlineData("", "body")]
    [InlineData("[]", "body")]
    [InlineData("""{"appId":"app-1","changeOrderId":"co-1"}""", "regionId")]
    [InlineData("""{"regionId":"cn-hangzhou","changeOrderId":"co-1"}""", "appId")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1"}""", "changeOrderId")]
    [InlineData("""{"regionId":"Hangzhou!","appId":"app-1","changeOrderId":"co-1"}""", "regionId")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"pollInterval":"1ms"}}""", "policy.pollInterval")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"maxUnavailableRatio":5}}""", "policy.maxUnavailableRatio")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"failureLimit":"many"}}""", "policy.failureLimit")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"pollInterval":"soon"}}""", "policy.pollInterval")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","polcy":{}}""", "polcy")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"promote":{"lastBatch":500}}}""", "policy.promote.lastBatch")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"promote":{"bakeTme":"5m"}}}""", "policy.promote.bakeTme")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"signals":[{"name":"errors","prometheus":{"query":"up","threshold":0.05}}]}}""", "policy.signals[0].prometheus.server")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"signals":[{"name":"errors","prometheus":{"query":"up{app=\"{{app}}\"}"}}]}}""", "policy.signals[0].prometheus.query")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"signals":[{"name":"gate","http":{"url":"http://10.0.0.1/internal"}}]}}""", "policy.signals[0].http.url")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"signals":[{"name":"gate","http":{"url":"http://10.0.0.1/","successCondition":"result >"}}]}}""", "policy.signals[0].http.successCondition")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"signals":[{"name":"gate","failureLimit":0,"http":{"url":"http://10.0.0.1/"}}]}}""", "policy.signals[0].failureLimit")]
    public async Task Start_BadInput_Answers400NamingTheField(string body, string field)
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", body);

        AssertProblem(response, 400, field);
    }

    /// <summary>A generated corpus of bad bodies: malformed JSON, wrong types, huge, unicode, injection strings, absurd numbers.</summary>
    public static TheoryData<string> BadBodies()
    {
        const string ids = "\"regionId\":\"cn-hangzhou\",\"appId\":\"app-1\"";
        var bodies = new List<string>
        {
            "{", "}", "null", "true", "42", "\"text\"", "[{}]", "{\"regionId\":", "{'regionId':'cn-hangzhou'}", "{\"regionId\":\"cn-hangzhou\",}}",
            "\u0000\u0001", "<xml/>", "regionId=cn-hangzhou&appId=a",
            "{" + ids + ",\"changeOrderId\":42}",
            "{" + ids + ",\"changeOrderId\":[\"co-1\"]}",
            "{" + ids + ",\"changeOrderId\":{\"id\":\"co-1\"}}",
            "{" + ids + ",\"changeOrderId\":\"'; DROP TABLE watches; --\"}",
            "{" + ids + ",\"changeOrderId\":\"../../etc/passwd\"}",
            "{" + ids + ",\"changeOrderId\":\"<script>alert(1)</script>\"}",
            "{" + ids + ",\"changeOrderId\":\"${jndi:ldap://x/a}\"}",
            "{" + ids + ",\"changeOrderId\":\"变更单-1\"}",
            "{" + ids + ",\"changeOrderId\":\"" + new string('x', 300) + "\"}",
            "{\"regionId\":\"cn-hangzhou\\u0000\",\"appId\":\"app-1\",\"changeOrderId\":\"co-1\"}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"requestedBy\":\"" + new string('r', 1000) + "\"}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":{\"failureLimit\":1e308}}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":{\"failureLimit\":-2147483648}}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":{\"maxUnavailableRatio\":\"NaN\"}}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":{\"timeout\":\"9999999999999h\"}}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":{\"pollInterval\":-5}}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":{\"onErrorLimit\":\"explode\"}}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":{\"onErrorLimit\":1}}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":[]}",
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"policy\":{\"dryRun\":\"yes\"}}",
            new string('[', 5000) + new string(']', 5000),
            "{" + ids + ",\"changeOrderId\":\"co-1\",\"padding\":\"" + new string('p', 70 * 1024) + "\"}",
        };
        var data = new TheoryData<string>();
        foreach (var body in bodies)
        {
            data.Add(body);
        }

        return data;
    }

    [ConditionalTheory]
    [MemberData(nameof(BadBodies))]
    public async Task Start_BadInputCorpus_Answers4xxProblemAndStartsNothing(string body)
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", body);
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        Assert.InRange(response.Status, 400, 499);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal(0, Json(list).GetProperty("watches").GetArrayLength());
    }

    /// <summary>Every duration field of a start request, as its problem names it.</summary>
    private static readonly string[] DurationFields =
        ["policy.pollInterval", "policy.initialDelay", "policy.timeout", "policy.abortDeadline", "policy.abortConfirmTimeout", "policy.promote.bakeTime",
         "policy.signals[0].prometheus.window"];

    /// <summary>Every whole-number field of a start request's policy.</summary>
    private static readonly string[] IntegerFields =
        ["policy.failureLimit", "policy.consecutiveErrorLimit", "policy.maxRestarts", "policy.maxAbortAttempts", "policy.promote.lastBatch"];

    /// <summary>Each duration field with each value too large (or too small) for any duration, as JSON.</summary>
    public static TheoryData<string, string> AbsurdDurations() =>
        Cross(DurationFields, ["1e308", "-1e308", "\"P99999999D\"", "\"99999999999999999999d\"", "\"10675199.02:48:05.4775808\""]);

    /// <summary>Each whole-number field with each number beyond <see cref="int"/>, as JSON.</summary>
    public static TheoryData<string, string> AbsurdIntegers() => Cross(IntegerFields, ["1e308", "99999999999", "2147483648"]);

    private static TheoryData<string, string> Cross(string[] fields, string[] values)
    {
        var data = new TheoryData<string, string>();
        foreach (var field in fields)
        {
            foreach (var value in values)
            {
                data.Add(field, value);
            }
        }

        return data;
    }

    /// <summary>A valid start body but for <paramref name="field"/> (a policy field or the signal's window), set to <paramref name="json"/>.</summary>
    private static string StartBodyWith(string field, string json)
    {
        var policy = field == "policy.signals[0].prometheus.window"
            ? "{\"signals\":[{\"name\":\"errors\",\"prometheus\":{\"query\":\"up\",\"threshold\":0.05,\"window\":" + json + "}}]}"
            : field["policy.".Length..].Split('.').Reverse().Aggregate(json, (inner, name) => "{\"" + name + "\":" + inner + "}");
        return "{\"regionId\":\"cn-hangzhou\",\"appId\":\"app-1\",\"changeOrderId\":\"co-1\",\"policy\":" + policy + "}";
    }

    [ConditionalTheory]
    [MemberData(nameof(AbsurdDurations))]
    public async Task Start_AbsurdDuration_Answers400NamingTheFieldAndStartsNothing(string field, string value)
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", StartBodyWith(field, value));
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        AssertProblem(response, 400, field);
        Assert.Equal(0, Json(list).GetProperty("watches").GetArrayLength());
    }

    [ConditionalTheory]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-typo"}""", 404, "changeOrderId")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-2","changeOrderId":"co-1"}""", 400, "appId")]
    public async Task Start_OrderThatCannotBeWatched_AnswersAtOnceAndStartsNothing(string body, int status, string field)
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", body);
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        AssertProblem(response, status, field);
        Assert.Equal(0, Json(list).GetProperty("watches").GetArrayLength());
        Assert.Empty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [ConditionalTheory]
    [MemberData(nameof(AbsurdIntegers))]
    public async Task Start_AbsurdInteger_Answers400NamingTheFieldAndStartsNothing(string field, string value)
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", StartBodyWith(field, value));
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        AssertProblem(response, 400, field);
        Assert.Equal(0, Json(list).GetProperty("watches").GetArrayLength());
    }

    [ConditionalTheory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Start_BodyNotLabelledJson_Answers415NamingContentTypeAndStartsNothing(string? contentType)
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", StartBody, contentType);
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        AssertProblem(response, 415, "Content-Type");
        Assert.Equal(0, Json(list).GetProperty("watches").GetArrayLength());
    }

    [ConditionalFact]
    public async Task Start_JsonWithSuffixMediaType_IsAccepted()
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", StartBody, "application/vnd.changeguard+json; charset=utf-8");

        Assert.Equal(202, response.Status);
    }

    [ConditionalTheory]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"failureLimit":"3"}}""", "policy.failureLimit")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"maxUnavailableRatio":"0.5"}}""", "policy.maxUnavailableRatio")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"dryRun":"true"}}""", "policy.dryRun")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","changeOrderId":"co-2"}""", "changeOrderId")]
    [InlineData("""{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"failureLimit":2,"failureLimit":9}}""", "failureLimit")]
    public async Task Start_LooseJson_Answers400NamingTheFieldAndStartsNothing(string body, string field)
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", body);
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        AssertProblem(response, 400, field);
        Assert.Equal(0, Json(list).GetProperty("watches").GetArrayLength());
    }

    [ConditionalFact]
    public async Task Abort_TextPlainBody_Answers415AndAbortsNothing()
    {
        await using var host = await StartedAsync();

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches/co-1/abort", """{"reason":"from a web page"}""", "text/plain");
        var watch = await host.SendAsync(HttpMethod.Get, "/api/watches/co-1");

        AssertProblem(response, 415, "Content-Type");
        Assert.False(Json(watch).GetProperty("hasEnded").GetBoolean());
        Assert.Empty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [ConditionalFact]
    public async Task Get_UnknownWatch_Answers404()
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Get, "/api/watches/co-none");

        AssertProblem(response, 404);
    }

    [ConditionalFact]
    public async Task Get_StartedWatch_AnswersItsState()
    {
        await using var host = await StartedAsync();

        var response = await host.SendAsync(HttpMethod.Get, "/api/watches/co-1");

        Assert.Equal(200, response.Status);
        var body = Json(response);
        Assert.Equal("app-1", body.GetProperty("appId").GetString());
        Assert.Equal("cn-hangzhou", body.GetProperty("regionId").GetString());
        Assert.True(body.TryGetProperty("runtimeStatus", out _));
        Assert.True(body.TryGetProperty("policy", out _));
    }

    [ConditionalFact]
    public async Task List_Watches_AnswersAPage()
    {
        await using var host = await StartedAsync();

        var response = await host.SendAsync(HttpMethod.Get, "/api/watches?top=10");

        Assert.Equal(200, response.Status);
        Assert.Equal("co-1", Json(response).GetProperty("watches")[0].GetProperty("changeOrderId").GetString());
    }

    [ConditionalTheory]
    [InlineData("/api/watches?top=0", "top")]
    [InlineData("/api/watches?top=abc", "top")]
    [InlineData("/api/watches?status=exploded", "status")]
    public async Task List_BadQuery_Answers400NamingTheParameter(string path, string field)
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Get, path);

        AssertProblem(response, 400, field);
    }

    [ConditionalFact]
    public async Task Abort_UnknownWatch_Answers404()
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches/co-none/abort", """{"reason":"bad"}""");

        AssertProblem(response, 404);
    }

    [ConditionalFact]
    public async Task Abort_RunningWatch_Answers202ThenEndedWatchAnswers409()
    {
        await using var host = await StartedAsync();

        var first = await host.SendAsync(HttpMethod.Post, "/api/watches/co-1/abort", """{"reason":"bad","requestedBy":"alice"}""");
        await WaitForEndAsync(host);
        var second = await host.SendAsync(HttpMethod.Post, "/api/watches/co-1/abort", """{"reason":"again"}""");

        Assert.Equal(202, first.Status);
        AssertProblem(second, 409);
        Assert.Contains(host.Simulator.Simulator.Log.Read("AbortChangeOrder"), e => e.Status == 200);
    }

    [ConditionalFact]
    public async Task Promote_UnknownWatch_Answers404()
    {
        await using var host = await StartHostAsync(LongRunning());

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches/co-none/promote", """{"requestedBy":"alice"}""");

        AssertProblem(response, 404);
    }

    [ConditionalFact]
    public async Task Promote_RunningWatchOfAnAutomaticRelease_Answers202AndTheWatchGoesOnWithNothingConfirmed()
    {
        await using var host = await StartedAsync();

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches/co-1/promote", """{"requestedBy":"alice"}""");
        var watch = await WaitForDecisionAsync(host, "nothing to promote");

        Assert.Equal(202, response.Status);
        Assert.True(HasDecision(watch, "nothing to promote"), watch.GetRawText());
        Assert.False(watch.GetProperty("hasEnded").GetBoolean());
        Assert.Empty(host.Simulator.Simulator.Log.Read("ConfirmPipelineBatch"));
    }

    /// <summary>The watch of co-1 once its last decisions include one whose action reads <paramref name="actionText"/> (at most 30 s).</summary>
    private static async Task<JsonElement> WaitForDecisionAsync(IWatchHttpHost host, string actionText)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var watch = Json(await host.SendAsync(HttpMethod.Get, "/api/watches/co-1"));
            if (HasDecision(watch, actionText) || DateTimeOffset.UtcNow > deadline)
            {
                return watch;
            }

            await Task.Delay(100);
        }
    }

    private static bool HasDecision(JsonElement watch, string actionText) =>
        watch.TryGetProperty("status", out var status) && status.TryGetProperty("lastDecisions", out var last)
        && last.EnumerateArray().Any(d => d.GetProperty("actionText").GetString() == actionText);

    [ConditionalFact]
    public async Task Stop_RunningWatch_Answers202ThenEndedWatchAnswers409()
    {
        await using var host = await StartedAsync();

        var first = await host.SendAsync(HttpMethod.Post, "/api/watches/co-1/stop", null);
        await WaitForEndAsync(host);
        var second = await host.SendAsync(HttpMethod.Post, "/api/watches/co-1/stop", null);

        Assert.Equal(202, first.Status);
        AssertProblem(second, 409);
        Assert.Empty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [ConditionalFact]
    public async Task Abort_MalformedBody_Answers400()
    {
        await using var host = await StartedAsync();

        var response = await host.SendAsync(HttpMethod.Post, "/api/watches/co-1/abort", "{\"reason\": 42");

        AssertProblem(response, 400);
    }

    [ConditionalFact]
    public async Task Responses_NeverCarryTheSecret()
    {
        await using var host = await StartedAsync();
        var secret = host.Simulator.Simulator.Options.AccessKeySecret;

        var get = await host.SendAsync(HttpMethod.Get, "/api/watches/co-1");
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        Assert.DoesNotContain(secret, get.Body);
        Assert.DoesNotContain(secret, list.Body);
    }

    private static async Task WaitForEndAsync(IWatchHttpHost host)
    {
        for (var i = 0; i < 300; i++)
        {
            var response = await host.SendAsync(HttpMethod.Get, "/api/watches/co-1");
            if (response.Status == 200 && Json(response).TryGetProperty("outcome", out _))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the watch did not end");
    }
}
