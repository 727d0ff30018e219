using ChangeGuard.Sae.Tests.Signing;
using ChangeGuard.Simulator;
using ChangeGuard.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>
/// Requests captured from Alibaba's official Node client, replayed byte for byte (raw <c>*!()</c> in the query,
/// its extra signed headers, its host) against the simulator: what the official SDK sends, the simulator accepts.
/// </summary>
public sealed class OfficialClientReplayTests
{
    [Theory]
    [InlineData("list-change-orders-encoding", "ListChangeOrders", "app-0004")]
    [InlineData("describe-change-order-ak", "DescribeChangeOrder", null)]
    public async Task Replay_CapturedOfficialRequest_PassesSignatureVerification(string vectorId, string action, string? appId)
    {
        // Arrange
        var raw = SignatureVectors.Raw(vectorId);
        var inputs = raw.GetProperty("inputs");
        var headers = inputs.GetProperty("headersThatAreSigned");
        var date = DateTimeOffset.Parse(headers.GetProperty("x-acs-date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var time = new FakeTimeProvider(date);
        var scenario = new ScenarioBuilder().WithApp(appId ?? "app-any").Build();
        await using var sim = await SaeSimulatorServer.StartAsync(new SimulatorOptions
        {
            AccessKeyId = inputs.GetProperty("accessKeyId").GetString()!,
            AccessKeySecret = inputs.GetProperty("accessKeySecret").GetString()!,
            Time = time,
            Scenario = scenario,
        });
        using var http = new HttpClient();
        var request = new HttpRequestMessage(new HttpMethod(inputs.GetProperty("method").GetString()!),
            new Uri(sim.BaseAddress, inputs.GetProperty("path").GetString() + "?" + inputs.GetProperty("queryOnWire").GetString()));
        request.Headers.Host = headers.GetProperty("host").GetString();
        foreach (var header in headers.EnumerateObject().Where(h => h.Name != "host"))
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }

        request.Headers.TryAddWithoutValidation("Authorization", raw.GetProperty("expected").GetProperty("authorization").GetString());

        // Act
        using var response = await http.SendAsync(request);
        var entry = Assert.Single(sim.Log.Read());

        // Assert: the signature passed; what follows is the operation's own answer.
        Assert.Equal(action, entry.Action);
        Assert.DoesNotContain("Signature", entry.Code, StringComparison.Ordinal);
        Assert.NotEqual("IncompleteSignature", entry.Code);
        Assert.NotEqual("InvalidTimeStamp.Expired", entry.Code);
    }
}
