using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>
/// One real Functions host (and, once started, its isolated worker) running the app on a loopback port, in a child
/// process. <see cref="Kill"/> ends host and worker the way <c>kill -9</c> would; disposal does the same, since the host
/// drains for minutes on SIGTERM.
/// </summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    /// <summary>Variables that make a host believe it runs in Azure (Linux consumption, App Service, Kubernetes).</summary>
    private static readonly string[] CloudVariables = ["CONTAINER_NAME", "WEBSITE_INSTANCE_ID", "WEBSITE_POD_NAME", "LEGION_SERVICE_HOST", "KUBERNETES_SERVICE_HOST"];

    /// <summary>The stamp every test host claims to run on; with the role instance it makes the Durable worker id.</summary>
    private const string Stamp = "local";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private FunctionsHostProcess(Process process, Uri baseAddress, string workerId)
    {
        _process = process;
        BaseAddress = baseAddress;
        WorkerId = workerId;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The environment variable naming a folder to keep every host's log in (for a failing run).</summary>
    public const string LogsVariable = "CHANGEGUARD_FUNCTIONS_HOST_LOGS";

    /// <summary>Where the host serves, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The name Durable's Azure Storage provider knows this instance by (stamp and role instance).</summary>
    public string WorkerId { get; }

    /// <summary>True once the host process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the host (and the worker, through it) has logged so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="host"/> on <paramref name="port"/> over the app in <paramref name="appDirectory"/> with
    /// <paramref name="settings"/> as environment variables (as app settings are in Azure), keys kept in
    /// <paramref name="secretsDirectory"/>, and waits (at most 3 minutes) until the watch API's route answers.
    /// <paramref name="instance"/> names this instance of the app: Durable's Azure Storage provider owns partitions by
    /// worker id, which is the machine name unless the stamp and role instance are set, as they are for each VM in Azure;
    /// two hosts on one machine need two ids, or the second waits forever for partitions the first (or a dead one) owns.
    /// With <paramref name="waitUntilServing"/> false it returns once the process runs (a test of a failing start).
    /// </summary>
    public static async Task<FunctionsHostProcess> StartAsync(
        FunctionsHostInstallation host, string appDirectory, int port, IReadOnlyDictionary<string, string> settings, string secretsDirectory, string instance,
        bool waitUntilServing = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var start = host.Kind == FunctionsHostKind.CoreTools
            ? new ProcessStartInfo(host.Path) { WorkingDirectory = appDirectory, ArgumentList = { "host", "start", "--port", port.ToString(CultureInfo.InvariantCulture) } }
            : new ProcessStartInfo("dotnet") { WorkingDirectory = host.Path, ArgumentList = { Path.Combine(host.Path, FunctionsHostInstallation.EntryAssembly) } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var variable in CloudVariables)
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        // What Core Tools sets for the host it runs; the host folder needs them given.
        var address = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["AzureWebJobsScriptRoot"] = appDirectory;
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://" + address;
        start.Environment["WEBSITE_HOSTNAME"] = address;
        start.Environment["AzureWebJobsSecretStorageType"] = "files";
        start.Environment["FUNCTIONS_SECRETS_PATH"] = secretsDirectory;
        start.Environment["AzureFunctionsJobHost__Logging__Console__IsEnabled"] = "true";
        start.Environment["WEBSITE_CURRENT_STAMPNAME"] = Stamp;
        start.Environment["RoleInstanceId"] = instance;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"the Functions host did not start from {host.Path}");
        var running = new FunctionsHostProcess(process, new Uri($"http://{address}/"), $"{Stamp}:{instance}");
        if (!waitUntilServing)
        {
            return running;
        }

        try
        {
            await running.WaitUntilServingAsync(TimeSpan.FromMinutes(3), cancellationToken).ConfigureAwait(false);
            return running;
        }
        catch
        {
            await running.DisposeAsync().ConfigureAwait(false);
            await running.KeepLogAsync("failed-start").ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until <paramref name="text"/> appears in <see cref="Output"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the host did not log '{text}' within {within}: {Tail()}");
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>How many times <paramref name="text"/> appears in <see cref="Output"/>.</summary>
    public int Count(string text)
    {
        var output = Output;
        var count = 0;
        for (var at = output.IndexOf(text, StringComparison.Ordinal); at >= 0; at = output.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Ends the host and its worker at once, as <c>kill -9</c> would: nothing flushed, no lease released.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until <c>GET /api/watches</c> reaches the function (200, or 401 without a key) rather than a starting host.</summary>
    private async Task WaitUntilServingAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the Functions host exited with code {_process.ExitCode}: {Tail()}");
            }

            try
            {
                // A keyed request (any key) also makes the host write its key file.
                using var answer = await http.GetAsync(new Uri("api/watches?code=probe", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the Functions host did not serve /api/watches within {within}: {Tail()}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the output to the folder named by <see cref="LogsVariable"/>, when it is set (a CI run keeps them).</summary>
    public async Task KeepLogAsync(string name)
    {
        if (Environment.GetEnvironmentVariable(LogsVariable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{DateTime.UtcNow:HHmmss.fff}-{name}.log"), Output).ConfigureAwait(false);
        }
    }

    /// <summary>The last lines of the output, for failure messages.</summary>
    public string Tail(int lines = 40) => string.Join('\n', Output.Split('\n').TakeLast(lines));

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
