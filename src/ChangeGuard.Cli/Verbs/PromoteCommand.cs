using System.CommandLine;
using ChangeGuard.Cli.Remote;
using ChangeGuard.Cli.Terminal;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// <c>changeguard promote</c>: asks a running server's watch to confirm the batch its manual release waits for now,
/// without waiting for a bake (a person's promotion, as Argo Rollouts' <c>promote</c>); the watch goes on guarding.
/// </summary>
public sealed class PromoteCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "promote";

    /// <inheritdoc />
    public string Summary => "ask a watch on a running server to confirm the batch its manual release waits for now";

    /// <inheritdoc />
    public string Usage => "changeguard promote CHANGE_ORDER_ID --server URL [--api-key-file FILE] [--reason TEXT] [--requested-by NAME] [--json]";

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "changeguard promote co-manual-0001 --server http://127.0.0.1:8080 --reason \"canary looks good\" --requested-by alice",
    ];

    /// <inheritdoc />
    public Command Build(CliConsole console, Option<bool> verbose) =>
        ManualCommandVerb.Build(console, Name, Summary, (remote, id, reason, by, ct) => remote.PromoteAsync(id, reason, by, ct),
            id => $"Promotion requested for change order {id}: the watch confirms the batch its release waits for and goes on (follow with 'changeguard get {id} --watch').");
}
