using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>Runs the real AWS CLI against a test endpoint to create fixtures the module itself never creates
    /// (log groups, buckets, SageMaker jobs).</summary>
    internal static class AwsCliProcess
    {
        public static async Task<string> RunAsync(string endpointUrl, params string[] arguments)
        {
            var start = new ProcessStartInfo("aws")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("--endpoint-url");
            start.ArgumentList.Add(endpointUrl);
            start.ArgumentList.Add("--region");
            start.ArgumentList.Add("us-east-1");
            start.ArgumentList.Add("--output");
            start.ArgumentList.Add("json");
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["AWS_ACCESS_KEY_ID"] = MotoClients.AccessKey;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = MotoClients.SecretKey;
            start.Environment.Remove("AWS_PROFILE");
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("aws " + string.Join(" ", arguments) + " failed (" + process.ExitCode + "): " + await stderr.ConfigureAwait(false));
            }
            return await stdout.ConfigureAwait(false);
        }
    }
}
