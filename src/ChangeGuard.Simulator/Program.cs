using ChangeGuard.Simulator;

return await SimulatorProgram.RunAsync(args).ConfigureAwait(false);
