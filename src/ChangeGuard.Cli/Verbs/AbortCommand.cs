using System.CommandLine;
using ChangeGuard.Cli.Remote;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Verbs;

/// <summary><c>changeguard abort</c>: asks a running server's watch to abort its change order now.</summary>
public sealed class AbortCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "abort";

    /// <inheritdoc />
    public string Summary => "ask a watch on a running server to abort its change order now";

    /// <inheritdoc />
    public string Usage => "changeguard abort CHANGE_ORDER_ID --server URL [--api-key-file FILE] [--reason TEXT] [--requested-by NAME] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard abort co-bad-0001 --server http://127.0.0.1:8080 --reason \"error budget burned\" --requested-by alice",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose) =>
        ManualCommandVerb.Build(console, Name, Summary, (remote, id, reason, by, ct) => remote.AbortAsync(id, reason, by, ct),
            id => $"Abort requested for change order {id}: the watch aborts it with its abort policy (follow with 'changeguard get {id} --watch').");
}
