using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// A test seam that stops an export at the n-th step that changes the destination (a temporary file written, a
    /// rename, a PutObject, a delete), as a kill at that instant would. In-process (xunit) it throws
    /// <see cref="ArchiveKilledException"/> and the destination then leaves everything exactly as it is (no clean-up of
    /// temporary files); with <see cref="EnvironmentVariable"/> set in a real process it kills the process itself.
    /// Never set outside tests.
    /// </summary>
    public sealed class ArchiveFaultInjector
    {
        /// <summary>A positive step number: the process kills itself when it reaches that step.</summary>
        public const string EnvironmentVariable = "SAGEMAKERMONITORING_TEST_ARCHIVE_KILL_AT_STEP";

        private readonly int _killAt;
        private readonly bool _killProcess;
        private readonly List<string> _trace = new List<string>();

        public ArchiveFaultInjector(int killAt, bool killProcess = false)
        {
            _killAt = killAt;
            _killProcess = killProcess;
        }

        /// <summary>The injector the environment asks for, or null (the normal case).</summary>
        public static ArchiveFaultInjector? FromEnvironment()
        {
            var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0 ? new ArchiveFaultInjector(step, killProcess: true) : null;
        }

        /// <summary>True once the kill step was reached: the destination then does nothing more, clean-up included.</summary>
        public bool Killed { get; private set; }

        /// <summary>The steps reached, in order (the last one is where the run was killed).</summary>
        public IReadOnlyList<string> Trace => _trace;

        public void Step(string name)
        {
            if (Killed) throw new ArchiveKilledException(name, _trace.Count);
            _trace.Add(name);
            if (_trace.Count != _killAt) return;
            Killed = true;
            if (_killProcess)
            {
                Console.Error.WriteLine($"Killed at archive step {_trace.Count} ({name}).");
                Console.Error.Flush();
                Process.GetCurrentProcess().Kill();
            }
            throw new ArchiveKilledException(name, _trace.Count);
        }
    }

    /// <summary>Thrown by <see cref="ArchiveFaultInjector"/> where a real run would have been killed.</summary>
    public sealed class ArchiveKilledException : Exception
    {
        public ArchiveKilledException(string step, int number) : base($"Killed at archive step {number} ({step}).")
        {
            Step = step;
            Number = number;
        }

        public string Step { get; }
        public int Number { get; }
    }
}
