using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChangeGuard.Hosting;

namespace ChangeGuard.Testing.Processes;

/// <summary>
/// Azurite, the Azure Storage emulator, in a child process on free loopback ports with in-memory persistence, stopped
/// by its process id on disposal. It is found in the repository's <c>tools/azurite</c> (installed by
/// <c>npm ci --prefix tools/azurite</c>, which <c>.ci/run</c> does), then at <c>CHANGEGUARD_AZURITE</c>, then on the
/// PATH; when it is nowhere the start fails saying how to install it (tests never skip for want of it).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account, the same on every machine (not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
    }

    /// <summary>The connection string of this instance.</summary>
    public string ConnectionString { get; }

    /// <summary>The process id, for stopping it by hand if a test run is killed.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts Azurite and waits (at most 30 s) until its three services accept connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = Locate();
        var ports = new[] { LoopbackPort.Next(), LoopbackPort.Next(), LoopbackPort.Next() };
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--inMemoryPersistence", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Azurite did not start from {executable}");
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var azurite = new AzuriteProcess(process, ports[0], ports[1], ports[2]);
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (!ports.All(Accepts))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {await errors.ConfigureAwait(false)}");
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw new TimeoutException("Azurite did not listen within 30 s");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return azurite;
    }

    /// <summary>Where Azurite's executable is; throws with the install command when it is nowhere.</summary>
    public static string Locate()
    {
        var candidates = new List<string>();
        if (RepositoryFiles.Root() is { } root)
        {
            candidates.Add(Path.Combine(root, "tools", "azurite", "node_modules", ".bin", "azurite"));
        }

        if (Environment.GetEnvironmentVariable("CHANGEGUARD_AZURITE") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "azurite")));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Azurite is not installed: run 'npm ci --prefix tools/azurite' in the repository (.ci/run does), or set CHANGEGUARD_AZURITE to its executable.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
        }

        _process.Dispose();
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
