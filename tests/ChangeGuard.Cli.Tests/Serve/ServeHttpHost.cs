using System.Net.Http.Headers;
using System.Text;
using ChangeGuard.Cli.Serve;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Http;
using ChangeGuard.Testing.Simulation;
using Microsoft.AspNetCore.Builder;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary>The <c>serve</c> host started in-process on a free port, spoken to over real HTTP.</summary>
internal sealed class ServeHttpHost : IWatchHttpHost
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private ServeHttpHost(SimulatorFixture simulator, WebApplication app, Uri address, string? apiKey)
    {
        Simulator = simulator;
        _app = app;
        _http = new HttpClient { BaseAddress = address };
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
    }

    public SimulatorFixture Simulator { get; }

    public Uri Address => _http.BaseAddress!;

    public static async Task<ServeHttpHost> StartAsync(
        Scenario scenario, string urls = "http://127.0.0.1:0", string? apiKey = null, bool sendKey = true, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var simulator = await SimulatorFixture.StartAsync(scenario);
        var settings = new Dictionary<string, string?>
        {
            ["Sae:Endpoint"] = simulator.BaseAddress.ToString(),
            ["Sae:AccessKeyId"] = simulator.Simulator.Options.AccessKeyId,
            ["Sae:AccessKeySecret"] = simulator.Simulator.Options.AccessKeySecret,
        };
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        ApiKey? key = null;
        if (apiKey is not null)
        {
            var file = Path.GetTempFileName();
            await File.WriteAllTextAsync(file, apiKey + "\n");
            key = ApiKey.FromFile(file);
            File.Delete(file);
        }

        var app = ServeHost.Build(BindAddress.Parse(urls), key, settings, verbose: false);
        await app.StartAsync();
        var port = new Uri(app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        return new ServeHttpHost(simulator, app, new Uri($"http://127.0.0.1:{port}"), sendKey ? apiKey : null);
    }

    public async Task<HttpExchange> SendAsync(HttpMethod method, string pathAndQuery, string? jsonBody = null, string? contentType = HttpExchange.Json)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _http.SendAsync(request);
        return new HttpExchange(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            await response.Content.ReadAsStringAsync(),
            response.Headers.Location?.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
