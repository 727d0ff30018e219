using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Testing.Notifications;

/// <summary>
/// A notification receiver on Kestrel at 127.0.0.1 and an OS-assigned port: records every request exactly as it
/// arrived and answers what the test says (by request number), optionally holding requests until released. Real HTTP,
/// so the sender's headers, signing and retries are exercised end to end.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private Func<ReceivedRequest, ReceiverAnswer> _answer;
    private Task _hold = Task.CompletedTask;
    private int _count;

    private LoopbackReceiver(WebApplication app, ReceiverAnswer answer)
    {
        _app = app;
        _answer = _ => answer;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public static async Task<LoopbackReceiver> StartAsync(ReceiverAnswer? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app, answer ?? ReceiverAnswer.Ok());
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>The URL of a path on this receiver, such as <c>/robot/send?access_token=...</c>.</summary>
    public string Url(string pathAndQuery = "/hook") => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>Answers each request by its number (1-based) and content.</summary>
    public void Answer(Func<ReceivedRequest, ReceiverAnswer> answer) => _answer = answer;

    /// <summary>Holds every request (after recording it) until <paramref name="release"/> completes.</summary>
    public void HoldUntil(Task release) => _hold = release;

    /// <summary>Waits (bounded) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (_requests.Count < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"the receiver got {_requests.Count} of {count} requests");
            }

            await Task.Delay(20);
        }

        return Requests;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new ReceivedRequest(
            Interlocked.Increment(ref _count),
            DateTimeOffset.UtcNow,
            context.Request.Path.Value ?? "/",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            body.ToArray());
        _requests.Enqueue(request);
        await _hold.WaitAsync(context.RequestAborted).ConfigureAwait(false);

        var answer = _answer(request);
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        if (answer.Body.Length > 0)
        {
            await context.Response.WriteAsync(answer.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
