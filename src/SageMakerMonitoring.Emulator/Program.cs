using SageMakerMonitoring.Emulator.Hosting;

return await EmulatorCommandLine.RunAsync(args).ConfigureAwait(false);
