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
        public AWSCredentials? Credentials { get; set; }
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
