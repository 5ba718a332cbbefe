using System.Collections.Generic;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>Credentials and settings for one aws CLI run. Defaults: the emulator's default key pair, us-east-1,
    /// one attempt (no retries, so request counts are exact).</summary>
    public sealed class AwsCliOptions
    {
        public string AccessKeyId { get; init; } = CredentialStore.DefaultAccessKeyId;
        public string SecretAccessKey { get; init; } = CredentialStore.DefaultSecretAccessKey;
        public string? SessionToken { get; init; }
        public string Region { get; init; } = "us-east-1";
        public int MaxAttempts { get; init; } = 1;
        public int TimeoutSeconds { get; init; } = 120;
        /// <summary>Extra environment variables for the process.</summary>
        public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    }
}
