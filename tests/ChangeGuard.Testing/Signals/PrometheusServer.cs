using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChangeGuard.Testing.Signals;

/// <summary>
/// A real Prometheus (the <c>prometheus</c> binary, Debian package <c>prometheus</c>) on a loopback port, scraping one
/// target every second with a generated configuration and storage in a temporary folder. Dispose stops it by its
/// process id and deletes the folder. A missing binary fails the test: these tests must not pass without it.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly string _folder;

    private PrometheusServer(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the HTTP API listens, such as <c>http://127.0.0.1:39123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A free loopback port, to configure ChangeGuard before the server starts.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The address a server on <paramref name="port"/> will have.</summary>
    public static Uri AddressOf(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Starts Prometheus scraping <paramref name="target"/><c>/metrics</c> every second and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(Uri target, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var binary = Binary();
        var listen = port ?? FreePort();
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
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, folder, AddressOf(listen));
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
            using var answer = await Http.GetAsync(new Uri(BaseAddress, "api/v1/query?query=" + Uri.EscapeDataString(query)));
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
                using var ready = await Http.GetAsync(new Uri(BaseAddress, "-/ready"));
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
