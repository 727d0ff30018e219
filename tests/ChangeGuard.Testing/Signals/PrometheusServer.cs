using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ChangeGuard.Hosting;

namespace ChangeGuard.Testing.Signals;

/// <summary>
/// A real Prometheus (the <c>prometheus</c> binary, Debian package <c>prometheus</c>) on a loopback port, scraping one
/// target every second with a generated configuration and storage in a temporary folder. Dispose stops it by its
/// process id and deletes the folder. A missing binary fails the test: these tests must not pass without it.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    /// <summary>The user <see cref="StartAsync"/> requires when asked for Basic auth.</summary>
    public const string BasicAuthUser = "changeguard";

    /// <summary>
    /// bcrypt (cost 10) of <see cref="SignalSettings.PrometheusPassword"/>, as Prometheus's web configuration wants it
    /// (made once with <c>htpasswd -nbBC 10</c>, so the tests need no bcrypt tool).
    /// </summary>
    private const string BasicAuthHash = "$2y$10$YvvTUsJIg8C20lMAb5qY3e/f.ArGskZQD.hSmv3k69TciqZpTsmLS";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly string _folder;
    private readonly string? _authorization;

    private PrometheusServer(Process process, string folder, Uri baseAddress, string? authorization)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
        _authorization = authorization;
    }

    /// <summary>Where the HTTP API listens, such as <c>http://127.0.0.1:39123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The address a server on <paramref name="port"/> will have.</summary>
    public static Uri AddressOf(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>
    /// Starts Prometheus scraping <paramref name="target"/><c>/metrics</c> every second and waits until it is ready;
    /// with <paramref name="basicAuth"/> its HTTP API answers only <see cref="BasicAuthUser"/> with
    /// <see cref="SignalSettings.PrometheusPassword"/>, as an ARMS V2 instance answers only its AccessKey pair.
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(Uri target, int? port = null, bool basicAuth = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        var binary = Binary();
        var listen = port ?? LoopbackPort.Next();
        var folder = Directory.CreateTempSubdirectory("changeguard-prometheus-").FullName;
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: simulator
                scrape_interval: 1s
                scrape_timeout: 1s
                metrics_path: /metrics
                static_configs:
                  - targets: ['{target.Authority}']
            """);
        string? authorization = null;
        var webConfig = Path.Combine(folder, "web.yml");
        if (basicAuth)
        {
            await File.WriteAllTextAsync(webConfig, $"""
                basic_auth_users:
                  {BasicAuthUser}: '{BasicAuthHash}'
                """);
            authorization = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{BasicAuthUser}:{SignalSettings.PrometheusPassword}"));
        }

        var start = new ProcessStartInfo(binary)
        {
            ArgumentList =
            {
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{listen.ToString(CultureInfo.InvariantCulture)}",
                "--log.level=warn",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (basicAuth)
        {
            start.ArgumentList.Add($"--web.config.file={webConfig}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, folder, AddressOf(listen), authorization);
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Waits (bounded) until an instant query returns at least one series: the target has been scraped.</summary>
    public async Task WaitForSeriesAsync(string query, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var answer = await GetAsync("api/v1/query?query=" + Uri.EscapeDataString(query));
            if (answer.IsSuccessStatusCode)
            {
                var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
                if (body.GetProperty("data").GetProperty("result").GetArrayLength() > 0)
                {
                    return;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Prometheus at {BaseAddress} has no series for {query}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the temp folder is cleaned up by the system later.
            }
        }
    }

    private static string Binary()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PROMETHEUS_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            var candidate = Path.Combine(folder, "prometheus");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "The prometheus binary is required by the signal tests and was not found on PATH (or PROMETHEUS_BIN). " +
            "Install it: apt-get install -y prometheus (.ci/run does this when it is missing).");
    }

    private Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        return Http.SendAsync(request);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode} before it was ready");
            }

            try
            {
                using var ready = await GetAsync("-/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"prometheus at {BaseAddress} was not ready within 30 s");
    }
}
