using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// The emulator as a process: --port, --seed, --faults (JSON or a file), --fault-seed, --exit-on-stdin-close.
    /// Prints "listening on http://127.0.0.1:PORT" once ready and serves until Ctrl+C / SIGTERM (or stdin closing when
    /// asked to).
    /// </summary>
    public static class EmulatorCommandLine
    {
        public const string Usage =
            "usage: SageMakerMonitoring.Emulator [--port N] [--seed demo|empty] [--faults <json-or-file>] [--fault-seed N] [--quotas aws|off] [--exit-on-stdin-close]";

        public static async Task<int> RunAsync(string[] args)
        {
            EmulatorOptions options;
            bool exitOnStdinClose;
            try
            {
                options = Parse(args, out exitOnStdinClose);
            }
            catch (ArgumentException error)
            {
                Console.Error.WriteLine(error.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });

            await using EmulatorServer server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
            Console.Out.WriteLine("listening on " + server.Url);
            Console.Out.Flush();

            if (exitOnStdinClose)
            {
                var stdinWatcher = new Thread(() =>
                {
                    try
                    {
                        using Stream stdin = Console.OpenStandardInput();
                        var buffer = new byte[256];
                        while (stdin.Read(buffer, 0, buffer.Length) > 0) { }
                    }
                    catch (IOException) { }
                    stop.Cancel();
                }) { IsBackground = true, Name = "stdin watcher" };
                stdinWatcher.Start();
            }

            try { await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
            return 0;
        }

        public static EmulatorOptions Parse(string[] args, out bool exitOnStdinClose)
        {
            var options = new EmulatorOptions();
            exitOnStdinClose = false;
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--port":
                        options.Port = int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int port) && port is >= 0 and <= 65535
                            ? port : throw new ArgumentException("--port must be 0..65535.");
                        break;
                    case "--seed":
                        options.Seed = Value() is "demo" or "empty" ? args[i] : throw new ArgumentException("--seed must be demo or empty.");
                        break;
                    case "--quotas":
                        options.Quotas = Value();
                        break;
                    case "--faults":
                        string faults = Value();
                        options.FaultsJson = faults.TrimStart().StartsWith("{", StringComparison.Ordinal) ? faults : File.ReadAllText(faults);
                        break;
                    case "--fault-seed":
                        options.FaultSeed = int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
                            ? seed : throw new ArgumentException("--fault-seed must be an integer.");
                        break;
                    case "--exit-on-stdin-close":
                        exitOnStdinClose = true;
                        break;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }
            return options;
        }
    }
}
