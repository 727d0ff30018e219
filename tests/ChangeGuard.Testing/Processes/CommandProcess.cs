using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ChangeGuard.Testing.Processes;

/// <summary>
/// A built .NET program (a <c>.dll</c> next to the test assembly) in a child process, so a test can signal it the
/// way a CI runner, <c>timeout</c> or <c>docker stop</c> would and see how it ends.
/// </summary>
public sealed class CommandProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CommandProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Standard output and error so far, interleaved.</summary>
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

    /// <summary>The exit code, once it has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet <paramref name="program"/> <paramref name="arguments"/></c> with extra environment variables.</summary>
    public static CommandProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var path = Path.Combine(AppContext.BaseDirectory, program);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new CommandProcess(Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start"));
    }

    /// <summary>Waits until the output holds <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"no '{text}' in the output: {Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Sends SIGTERM, as a job timeout or a service manager does.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>True when the process ended within <paramref name="within"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
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
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
