using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;

namespace SageMakerMonitoring.Core.Tests
{
    /// <summary>
    /// Makes every run of this test assembly hermetic, however it is started (build.ps1 test, <c>dotnet test</c> by hand,
    /// an IDE): before any test code runs, every <c>AWS_*</c> variable of the developer's shell is removed from this
    /// process, and the shared config and credentials files are pointed at empty files of our own. The AWS SDK reads
    /// several of these settings once per process (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, the default profile), so they must
    /// be gone before the first client is built; a module initializer runs before any other code of this assembly.
    /// Child processes the tests start (the aws CLI, moto_server, a nested <c>dotnet test</c>) inherit this clean
    /// environment; a test that exercises environment resolution sets the variables itself, in a child process (the SDK
    /// would keep the first value it read in this one).
    /// </summary>
    internal static class HermeticEnvironment
    {
        /// <summary>The names removed from the developer's environment at start-up (for diagnostics).</summary>
        public static IReadOnlyList<string> Removed { get; private set; } = Array.Empty<string>();

        /// <summary>The folder holding the empty config and credentials files.</summary>
        public static string Folder { get; private set; } = "";

        [ModuleInitializer]
        internal static void Initialize()
        {
            var removed = new List<string>();
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                string name = (string)entry.Key;
                if (!name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)) continue;
                Environment.SetEnvironmentVariable(name, null);
                removed.Add(name);
            }
            removed.Sort(StringComparer.Ordinal);
            Removed = removed;

            Folder = Path.Combine(Path.GetTempPath(), "sagemakermonitoring-tests-aws-" + Environment.ProcessId);
            Directory.CreateDirectory(Folder);
            string config = Path.Combine(Folder, "config");
            string credentials = Path.Combine(Folder, "credentials");
            File.WriteAllText(config, "");
            File.WriteAllText(credentials, "");
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", config);
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", credentials);
            // No instance-metadata probe (a 1 s timeout per credential lookup off EC2).
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        }
    }
}
