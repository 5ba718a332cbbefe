using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>
    /// A moto_server process on a free loopback port in 45000-45099, for wire tests of operations the project's emulator
    /// does not serve yet. Missing moto_server skips those tests, except under CI=true where it is a failure.
    /// </summary>
    public sealed class MotoServer : IAsyncLifetime
    {
        private Process? _process;

        public string Url { get; private set; } = "";

        public static string? Executable { get; } = FindExecutable();

        public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        public const string MissingMessage = "moto_server was not found on PATH (pip install 'moto[server]'); moto-based wire tests are skipped.";

        public async Task InitializeAsync()
        {
            if (Executable == null)
            {
                if (RequiredByCi)
                {
                    throw new InvalidOperationException("CI=true but moto_server is missing: " + MissingMessage);
                }
                return;
            }
            for (int attempt = 0; attempt < 5 && _process == null; attempt++)
            {
                int port = FreePort();
                var start = new ProcessStartInfo(Executable, "-H 127.0.0.1 -p " + port)
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                Process process = Process.Start(start)!;
                process.OutputDataReceived += (_, _) => { };
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                string url = "http://127.0.0.1:" + port;
                if (await WaitReady(url, process).ConfigureAwait(false))
                {
                    _process = process;
                    Url = url;
                }
                else
                {
                    Stop(process);
                }
            }
            if (_process == null)
            {
                throw new InvalidOperationException("moto_server did not start on any port in 45000-45099.");
            }
        }

        public Task DisposeAsync()
        {
            if (_process != null)
            {
                Stop(_process);
                _process = null;
            }
            return Task.CompletedTask;
        }

        /// <summary>Clears all moto state (between tests that must not see each other's resources).</summary>
        public async Task ResetAsync()
        {
            using var http = new HttpClient();
            using HttpResponseMessage response = await http.PostAsync(Url + "/moto-api/reset", new StringContent("")).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        private static async Task<bool> WaitReady(string url, Process process)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    return false;
                }
                try
                {
                    using HttpResponseMessage response = await http.GetAsync(url + "/moto-api/").ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return true;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(200).ConfigureAwait(false);
            }
            return false;
        }

        private static int FreePort()
        {
            var random = new Random();
            for (int i = 0; i < 200; i++)
            {
                int port = 45000 + random.Next(0, 100);
                try
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listener.Stop();
                    return port;
                }
                catch (SocketException)
                {
                }
            }
            throw new InvalidOperationException("No free port in 45000-45099.");
        }

        private static void Stop(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }
            process.Dispose();
        }

        private static string? FindExecutable()
        {
            string? path = Environment.GetEnvironmentVariable("PATH");
            if (path == null)
            {
                return null;
            }
            foreach (string directory in path.Split(Path.PathSeparator))
            {
                if (directory.Length == 0) continue;
                string candidate = Path.Combine(directory, "moto_server");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            return null;
        }
    }
}
