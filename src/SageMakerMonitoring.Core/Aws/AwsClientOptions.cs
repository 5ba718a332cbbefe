using System;
using Amazon.Runtime;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>What a caller may say about how to reach AWS. Anything left null is resolved the standard AWS way
    /// (environment, shared config/credentials files, profiles incl. SSO and assume-role, AWS_ENDPOINT_URL[_SERVICE]).</summary>
    public sealed class AwsClientOptions
    {
        public string? Region { get; set; }
        public string? ProfileName { get; set; }
        /// <summary>A shared credentials file to read <see cref="ProfileName"/> (or its default profile) from.</summary>
        public string? ProfileLocation { get; set; }
        public AWSCredentials? Credentials { get; set; }
        /// <summary>Literal keys (with an optional session token); they win over everything else.</summary>
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? SessionToken { get; set; }
        /// <summary>The session's default region (AWS Tools for PowerShell's $StoredAWSRegion): after -Region and an
        /// explicit profile's region, before the environment.</summary>
        public string? SessionRegion { get; set; }
        /// <summary>The session's default credentials (AWS Tools for PowerShell's $StoredAWSCredentials): a profile name
        /// or an <see cref="AWSCredentials"/>; after explicit credentials and profiles, before the environment.</summary>
        public object? SessionCredentials { get; set; }
        /// <summary>One endpoint for every service (the emulator serves all of them on one port).</summary>
        public string? EndpointUrl { get; set; }
        /// <summary>Called once per API call after it completes (successfully or not). Never receives secrets.</summary>
        public Action<AwsCallRecord>? CallLogger { get; set; }
        /// <summary>Called on each failed attempt of a call (for -Verbose) and once when a call stays throttled for
        /// <see cref="ThrottlingWatch.ProcessThreshold"/> (a warning). Never receives secrets.</summary>
        public Action<AwsAttemptNotice>? AttemptNotice { get; set; }
        /// <summary>For tests: how long a call may stay throttled before the warning (null: <see cref="ThrottlingWatch.ProcessThreshold"/>).</summary>
        internal TimeSpan? ThrottlingWarningAfter { get; set; }
        /// <summary>Override of the maximum attempts per call (null: the SDK's resolution, AWS_MAX_ATTEMPTS etc.).</summary>
        public int? MaxAttempts { get; set; }
    }

    /// <summary>One completed API call, for -Verbose logging.</summary>
    public sealed record AwsCallRecord(string Service, string Operation, string Region, int StatusCode, TimeSpan Duration, int Retries, string? ErrorCode, string? RequestId);
}
