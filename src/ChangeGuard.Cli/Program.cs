using ChangeGuard.Cli;
using ChangeGuard.Cli.Terminal;

using System.Runtime.InteropServices;

// Ctrl+C, and SIGTERM from CI job timeouts, `timeout`, systemd and `docker stop`, cancel the command, which then
// ends within a few seconds in its own way (an interrupted watch leaves the order alone and exits 5).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

return await CliApp.RunAsync(args, CliConsole.System, cancel.Token).ConfigureAwait(false);
