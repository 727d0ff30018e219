using ChangeGuard.Sae.Configuration;
using ChangeGuard.Testing.Notifications;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>
/// A loopback stand-in for SAE that answers each request by its number (from 1), for answers the simulator does not
/// give to reads (a 200 carrying an error code, one exact malformed body). It checks no signature.
/// </summary>
internal sealed class StubSae : IAsyncDisposable
{
    /// <summary>DescribeChangeOrder's success answer for a running <c>co-1</c>.</summary>
    public const string RunningOrder = """{"RequestId":"r-ok","Code":"200","Message":"success","Success":true,"Data":{"ChangeOrderId":"co-1","Status":1}}""";

    private readonly LoopbackReceiver _receiver;
    private readonly SaeTestClients _clients = new();

    private StubSae(LoopbackReceiver receiver)
    {
        _receiver = receiver;
    }

    /// <summary>The requests that arrived, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _receiver.Requests;

    /// <summary>Starts a stub answering request number n with <paramref name="answer"/>(n).</summary>
    public static async Task<StubSae> StartAsync(Func<int, ReceiverAnswer> answer)
    {
        var receiver = await LoopbackReceiver.StartAsync();
        receiver.Answer(request => answer(request.Number));
        return new StubSae(receiver);
    }

    /// <summary>A client pointed at the stub, with fast retries and no call budget, on <paramref name="time"/> when given.</summary>
    public ISaeClient CreateClient(Action<SaeClientOptions>? configure = null, TimeProvider? time = null) =>
        _clients.Create(_receiver.BaseAddress, "stub-key", "stub-secret", configure: configure, time: time);

    public async ValueTask DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _receiver.DisposeAsync();
    }
}
