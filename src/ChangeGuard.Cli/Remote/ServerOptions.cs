using System.CommandLine;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Serve;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Remote;

/// <summary>The options every remote command takes: which server, with which key file, and whether to print JSON.</summary>
public sealed class ServerOptions
{
    /// <summary><c>--server URL</c>: a <c>serve</c> or a Functions app.</summary>
    public Option<Uri?> Server { get; } = CliOptions.Url("--server", "the ChangeGuard server: serve (http://127.0.0.1:8080) or a Functions app (https://APP.azurewebsites.net)");

    /// <summary><c>--api-key-file F</c>: serve's API key or a function key, on the file's first line.</summary>
    public Option<string?> KeyFile { get; } = CliOptions.Text("--api-key-file", "FILE", "file whose first line is serve's API key or a function key");

    /// <summary><c>--json</c>: the server's JSON on stdout, nothing else.</summary>
    public Option<bool> Json { get; } = CliOptions.Flag("--json", "print the server's JSON answer");

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Server);
        command.Add(KeyFile);
        command.Add(Json);
    }

    /// <summary>The client the parsed options describe; the server is required.</summary>
    public RemoteWatchApi Connect(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var server = parse.GetValue(Server) ?? throw new BadInputException("--server is required: the URL of serve or of the Functions app");
        var key = parse.GetValue(KeyFile) is { } file ? ApiKey.ReadFile(file) : null;
        return new RemoteWatchApi(server, key);
    }
}
