using ChangeGuard.Cli;
using ChangeGuard.Cli.Terminal;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await CliApp.RunAsync(args, CliConsole.System, cancel.Token).ConfigureAwait(false);
