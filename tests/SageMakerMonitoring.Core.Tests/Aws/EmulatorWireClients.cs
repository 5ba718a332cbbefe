using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>
    /// Builds <see cref="AwsClientFactory"/> instances aimed at an in-process emulator (real HTTP, real SigV4 with the
    /// default key pair and a session token) and pins the emulator's clock so seeded worlds have exact time ranges.
    /// </summary>
    internal static class EmulatorWireClients
    {
        public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
        public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        public const string SessionToken = "FwoGZXIvYXdzEXAMPLEWIREEMULATORTOKEN";

        public static AwsClientFactory Create(EmulatorFixture emulator, List<AwsCallRecord>? calls = null, string secret = SecretKey,
            int? maxAttempts = null, string accessKey = AccessKey)
        {
            return new AwsClientFactory(new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = emulator.Url,
                Credentials = new SessionAWSCredentials(accessKey, secret, SessionToken),
                CallLogger = calls == null ? null : r => { lock (calls) calls.Add(r); },
                MaxAttempts = maxAttempts,
            });
        }

        /// <summary>
        /// Clears the emulator, freezes its clock at the current whole minute and seeds <paramref name="seed"/> there.
        /// Returns that instant: the seeded demo world is laid out relative to it.
        /// (The clock stays near real time so signatures and the SDK's skew correction are unaffected.)
        /// </summary>
        public static async Task<DateTime> ResetFrozenAsync(EmulatorFixture emulator, string seed = "demo")
        {
            DateTime now = DateTime.UtcNow;
            var minute = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
            await emulator.ResetAsync("empty").ConfigureAwait(false);
            await emulator.PostControlAsync("clock", new JsonObject { ["freeze"] = minute.ToString("yyyy-MM-ddTHH:mm:ssZ") }).ConfigureAwait(false);
            if (seed != "empty") await emulator.PostControlAsync("seed", new JsonObject { ["seed"] = seed }).ConfigureAwait(false);
            return minute;
        }
    }
}
