using System;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>What one run of the aws CLI gave.</summary>
    public sealed record AwsCliResult(int ExitCode, string Stdout, string Stderr)
    {
        public bool Succeeded => ExitCode == 0;

        /// <summary>Stdout parsed as JSON (null when empty).</summary>
        public JsonNode? Json => string.IsNullOrWhiteSpace(Stdout) ? null : JsonNode.Parse(Stdout);

        /// <summary>Throws with stderr when the CLI failed; returns this for chaining.</summary>
        public AwsCliResult EnsureSuccess() =>
            ExitCode == 0 ? this : throw new InvalidOperationException($"aws exited with {ExitCode}: {Stderr}{Stdout}");

        /// <summary>The error code from "An error occurred (Code) when calling ...", or null.</summary>
        public string? ErrorCode
        {
            get
            {
                const string marker = "An error occurred (";
                int start = Stderr.IndexOf(marker, StringComparison.Ordinal);
                if (start < 0) return null;
                start += marker.Length;
                int end = Stderr.IndexOf(')', start);
                return end < 0 ? null : Stderr.Substring(start, end - start);
            }
        }

        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }
}
