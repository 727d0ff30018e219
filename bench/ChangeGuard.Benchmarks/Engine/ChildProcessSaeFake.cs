using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChangeGuard.Simulator;
using ChangeGuard.Simulator.Api;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// The simulator program in a child process, so that the bench process's processor time is the guard's alone (in
/// production SAE is remote); the child's own time is read from its process and reported apart.
/// </summary>
public sealed partial class ChildProcessSaeFake : ISaeFake
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly string _scenarioFile;

    private ChildProcessSaeFake(Process process, Uri baseAddress, string scenarioFile)
    {
        _process = process;
        BaseAddress = baseAddress;
        _scenarioFile = scenarioFile;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <inheritdoc />
    public Uri BaseAddress { get; }

    /// <inheritdoc />
    public string AccessKeyId => SimulatorOptions.DefaultAccessKeyId;

    /// <inheritdoc />
    public string AccessKeySecret => SimulatorOptions.DefaultAccessKeySecret;

    /// <inheritdoc />
    public TimeSpan? ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Writes the scenario to a file, starts the simulator program on a free port and waits until it listens.</summary>
    public static async Task<ChildProcessSaeFake> StartAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"changeguard-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(scenario, ScenarioLoader.JsonOptions), cancellationToken).ConfigureAwait(false);
        var start = StartInfo(file);
        var process = Process.Start(start) ?? throw new InvalidOperationException("the simulator program did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                if (ListeningLine().Match(line) is { Success: true } match)
                {
                    // Keep draining its output so the child never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                    return new ChildProcessSaeFake(process, new Uri(match.Groups[1].Value), file);
                }
            }

            throw new InvalidOperationException($"the simulator program exited: {await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)}");
        }
        catch
        {
            Stop(process);
            File.Delete(file);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RequestLogEntry>> ReadAsync(string? action, long after, CancellationToken cancellationToken)
    {
        var query = $"/_sim/requests?after={after}" + (action is null ? string.Empty : $"&action={Uri.EscapeDataString(action)}");
        return await _http.GetFromJsonAsync<List<RequestLogEntry>>(query, Json, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <inheritdoc />
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri("/_sim/requests", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        Stop(_process);
        _process.Dispose();
        File.Delete(_scenarioFile);
        return ValueTask.CompletedTask;
    }

    private static ProcessStartInfo StartInfo(string scenarioFile)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "ChangeGuard.Simulator.exe" : "ChangeGuard.Simulator");
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ChangeGuard.Simulator.dll") } };
        foreach (var argument in new[] { "--port", "0", "--scenario", scenarioFile })
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(5000);
        }
    }

    [GeneratedRegex(@"listening on (\S+)")]
    private static partial Regex ListeningLine();
}
