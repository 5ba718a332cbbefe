using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class CommandLineTests
    {
        [Fact]
        public void ParsesOptions()
        {
            EmulatorOptions options = EmulatorCommandLine.Parse(
                new[] { "--port", "0", "--seed", "empty", "--faults", "{\"rules\":[]}", "--fault-seed", "9", "--exit-on-stdin-close" }, out bool exitOnStdinClose);
            Assert.Equal(0, options.Port);
            Assert.Equal("empty", options.Seed);
            Assert.Equal("{\"rules\":[]}", options.FaultsJson);
            Assert.Equal(9, options.FaultSeed);
            Assert.True(exitOnStdinClose);
            Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(new[] { "--seed", "other" }, out _));
            Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(new[] { "--bogus" }, out _));
        }

        [Fact]
        public async Task ProcessPrintsItsUrlServesAndStopsWhenStdinCloses()
        {
            string dll = typeof(EmulatorServer).Assembly.Location;
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { dll, "--port", "0", "--seed", "empty", "--exit-on-stdin-close",
                         "--faults", "{\"seed\":1,\"rules\":[{\"service\":\"sagemaker\",\"operation\":\"*\",\"throttleRate\":1}]}" })
                start.ArgumentList.Add(argument);
            using Process process = Process.Start(start)!;
            try
            {
                string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                Assert.NotNull(line);
                Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+$", line);
                string url = line!.Substring("listening on ".Length);
                using var client = new HttpClient();
                Assert.Contains("\"ok\"", await client.GetStringAsync(url + "/_emulator/health"));
                Assert.Contains("\"throttleRate\":1", await client.GetStringAsync(url + "/_emulator/faults"));

                process.StandardInput.Close();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(0, process.ExitCode);
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
        }
    }
}
