namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>What the wire layer needs to know about one awsJson service: identity, signing and protocol.</summary>
    internal sealed class ServiceDescriptor
    {
        public static readonly ServiceDescriptor CloudWatch = new ServiceDescriptor(
            "CloudWatch", "monitoring", "monitoring", "GraniteServiceVersion20100801", "1.0", queryCompatible: true,
            "2010-08-01", "AWS_ENDPOINT_URL_CLOUDWATCH", gzipOperations: new[] { "PutMetricData" });

        public static readonly ServiceDescriptor CloudWatchLogs = new ServiceDescriptor(
            "CloudWatch Logs", "logs", "logs", "Logs_20140328", "1.1", queryCompatible: false,
            "2014-03-28", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS");

        public static readonly ServiceDescriptor EventBridge = new ServiceDescriptor(
            "EventBridge", "events", "events", "AWSEvents", "1.1", queryCompatible: false,
            "2015-10-07", "AWS_ENDPOINT_URL_EVENTBRIDGE");

        public static readonly ServiceDescriptor SageMaker = new ServiceDescriptor(
            "SageMaker", "sagemaker", "api.sagemaker", "SageMaker", "1.1", queryCompatible: false,
            "2017-07-24", "AWS_ENDPOINT_URL_SAGEMAKER");

        private ServiceDescriptor(string serviceId, string signingName, string endpointPrefix, string targetPrefix,
            string jsonVersion, bool queryCompatible, string apiVersion, string endpointEnvironmentVariable, string[]? gzipOperations = null)
        {
            GzipOperations = new System.Collections.Generic.HashSet<string>(gzipOperations ?? System.Array.Empty<string>(), System.StringComparer.Ordinal);
            ServiceId = serviceId;
            SigningName = signingName;
            EndpointPrefix = endpointPrefix;
            TargetPrefix = targetPrefix;
            ContentType = "application/x-amz-json-" + jsonVersion;
            QueryCompatible = queryCompatible;
            ApiVersion = apiVersion;
            EndpointEnvironmentVariable = endpointEnvironmentVariable;
        }

        /// <summary>The model's serviceId ("CloudWatch Logs").</summary>
        public string ServiceId { get; }
        /// <summary>SigV4 credential-scope service name.</summary>
        public string SigningName { get; }
        /// <summary>Host prefix of the regional endpoint: https://{prefix}.{region}.{dns suffix}.</summary>
        public string EndpointPrefix { get; }
        /// <summary>X-Amz-Target prefix; the header is "{prefix}.{Operation}".</summary>
        public string TargetPrefix { get; }
        public string ContentType { get; }
        /// <summary>awsQueryCompatible: send x-amzn-query-mode and prefer x-amzn-query-error for error codes.</summary>
        public bool QueryCompatible { get; }
        public string ApiVersion { get; }
        /// <summary>Service-specific endpoint override variable (AWS_ENDPOINT_URL_&lt;SERVICE&gt;).</summary>
        public string EndpointEnvironmentVariable { get; }
        /// <summary>Operations whose body the SDK gzips above its size threshold (botocore's "requestcompression" trait).</summary>
        public System.Collections.Generic.ISet<string> GzipOperations { get; }
    }
}
