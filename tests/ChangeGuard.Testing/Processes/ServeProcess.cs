using System.Diagnostics;
using System.Text;

namespace ChangeGuard.Testing.Processes;

/// <summary>
/// <c>changeguard serve</c> in a child process (the built <c>changeguard.dll</c> next to the test assembly), so a test
/// can kill it the way a crash would (<see cref="Kill"/> is <c>kill -9</c>) or stop it the way a service manager
/// would (<see cref="TerminateAsync"/> is SIGTERM), and start it again with the same settings.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where it serves, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once it has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>What it has written to standard output and error so far.</summary>
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
    /// The environment of a <c>serve</c> on the Azure Storage store: SAE at <paramref name="saeEndpoint"/> with the
    /// given key pair and no call budget, the store at <paramref name="storageConnection"/>, one task hub, one worker.
    /// </summary>
    public static Dictionary<string, string> AzureStorageEnvironment(
        Uri saeEndpoint, string accessKeyId, string accessKeySecret, string storageConnection, string taskHub, string workerId) => new()
    {
        ["Sae__Endpoint"] = saeEndpoint?.ToString() ?? throw new ArgumentNullException(nameof(saeEndpoint)),
        ["Sae__AccessKeyId"] = accessKeyId,
        ["Sae__AccessKeySecret"] = accessKeySecret,
        ["Sae__Budget__CallsPerMinute"] = "0",
        ["ChangeGuard__Engine__Store"] = "AzureStorage",
        ["ChangeGuard__Engine__StorageConnection"] = storageConnection,
        ["ChangeGuard__Engine__TaskHub"] = taskHub,
        ["ChangeGuard__Engine__WorkerId"] = workerId,
    };

    /// <summary>
    /// Starts <c>serve</c> on <paramref name="port"/> with <paramref name="arguments"/> after <c>--urls</c>, settings
    /// passed as environment variables (<c>Sae__Endpoint</c> and so on: never on the command line, where secrets would
    /// show), and waits (at most 60 s) until <c>/healthz</c> answers.
    /// </summary>
    public static async Task<ServeProcess> StartAsync(int port, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var program = Path.Combine(AppContext.BaseDirectory, "changeguard.dll");
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"{program} is missing: reference src/ChangeGuard.Cli from this project so the build copies it.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("serve did not start");
        var serve = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with code {process.ExitCode}: {serve.Output}");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (answer.IsSuccessStatusCode)
                {
                    return serve;
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
                await serve.DisposeAsync().ConfigureAwait(false);
                throw new TimeoutException($"serve did not answer /healthz within 60 s: {serve.Output}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: nothing is flushed, no lease released.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits at most <paramref name="within"/>; true when it ended.</summary>
    public async Task<bool> TerminateAsync(TimeSpan within)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync().ConfigureAwait(false);
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(within).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!await TerminateAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false))
        {
            Kill();
        }

        _process.Dispose();
    }

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
