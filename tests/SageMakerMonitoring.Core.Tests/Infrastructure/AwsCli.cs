using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>Runs the real aws CLI against an endpoint with isolated configuration (no profiles or config files of
    /// the machine), JSON output and the given credentials.</summary>
    public static class AwsCli
    {
        /// <summary>Overrides the CLI executable (default "aws" on PATH).</summary>
        public const string ExecutableVariable = "SAGEMAKER_MONITORING_AWS_CLI";

        /// <summary>A config file of our own: timestamps printed as ISO-8601, so botocore must parse every timestamp it
        /// receives (with the CLI's default "none" it would echo the wire value unparsed).</summary>
        private static readonly Lazy<string> ConfigFile = new Lazy<string>(() =>
        {
            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sagemaker-monitoring-aws-cli-{Environment.ProcessId}.config");
            System.IO.File.WriteAllText(path, "[default]\ncli_timestamp_format = iso8601\n");
            return path;
        });

        public static Task<AwsCliResult> RunAsync(string endpointUrl, string service, string operation, params string[] arguments) =>
            RunAsync(new AwsCliOptions(), endpointUrl, service, operation, arguments);

        public static async Task<AwsCliResult> RunAsync(AwsCliOptions options, string endpointUrl, string service, string operation, params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable(ExecutableVariable) ?? "aws")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { service, operation }) start.ArgumentList.Add(argument);
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            foreach (string argument in new[] { "--endpoint-url", endpointUrl, "--output", "json" }) start.ArgumentList.Add(argument);

            foreach (string name in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL" })
                start.Environment.Remove(name);
            start.Environment["AWS_ACCESS_KEY_ID"] = options.AccessKeyId;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = options.SecretAccessKey;
            if (options.SessionToken != null) start.Environment["AWS_SESSION_TOKEN"] = options.SessionToken;
            start.Environment["AWS_DEFAULT_REGION"] = options.Region;
            start.Environment["AWS_CONFIG_FILE"] = ConfigFile.Value;
            start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["AWS_RETRY_MODE"] = "standard";
            start.Environment["AWS_MAX_ATTEMPTS"] = options.MaxAttempts.ToString(CultureInfo.InvariantCulture);
            start.Environment["AWS_PAGER"] = "";
            foreach (KeyValuePair<string, string> pair in options.Environment) start.Environment[pair.Key] = pair.Value;

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the aws CLI.");
            process.StandardInput.Close();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"aws {service} {operation} did not finish within {options.TimeoutSeconds}s.");
            }
            return new AwsCliResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
    }
}
