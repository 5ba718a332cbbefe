namespace SageMakerMonitoring.Emulator.Protocols
{
    /// <summary>Wire facts of one JSON-RPC style service (from its botocore model).</summary>
    public sealed class ServiceProtocol
    {
        public ServiceProtocol(string signingName, string targetPrefix, string jsonVersion, bool queryCompatible, string? queryVersion = null, string? xmlNamespace = null)
        {
            SigningName = signingName;
            TargetPrefix = targetPrefix;
            JsonVersion = jsonVersion;
            QueryCompatible = queryCompatible;
            QueryVersion = queryVersion;
            XmlNamespace = xmlNamespace;
        }

        public string SigningName { get; }
        /// <summary>X-Amz-Target prefix, e.g. "Logs_20140328".</summary>
        public string TargetPrefix { get; }
        /// <summary>"1.0" or "1.1".</summary>
        public string JsonVersion { get; }
        /// <summary>The service also speaks awsQuery, and its JSON errors carry x-amzn-query-error.</summary>
        public bool QueryCompatible { get; }
        /// <summary>API version accepted in awsQuery requests; null when the service has no query protocol.</summary>
        public string? QueryVersion { get; }
        public string? XmlNamespace { get; }
        public string JsonContentType => "application/x-amz-json-" + JsonVersion;

        public static readonly ServiceProtocol CloudWatch = new ServiceProtocol("monitoring", "GraniteServiceVersion20100801", "1.0", true,
            "2010-08-01", "http://monitoring.amazonaws.com/doc/2010-08-01/");
        public static readonly ServiceProtocol Logs = new ServiceProtocol("logs", "Logs_20140328", "1.1", false);
        public static readonly ServiceProtocol Events = new ServiceProtocol("events", "AWSEvents", "1.1", false);
        public static readonly ServiceProtocol SageMaker = new ServiceProtocol("sagemaker", "SageMaker", "1.1", false);

        /// <summary>STS speaks awsQuery only (botocore: protocols ["query"]); the JSON members here are never used.</summary>
        public static readonly ServiceProtocol Sts = new ServiceProtocol("sts", "AWSSecurityTokenServiceV20110615", "1.0", true,
            "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");

        public static readonly ServiceProtocol[] All = { CloudWatch, Logs, Events, SageMaker, Sts };

        public static ServiceProtocol? ForSigningName(string? signingName)
        {
            foreach (ServiceProtocol protocol in All)
                if (protocol.SigningName == signingName) return protocol;
            return null;
        }

        public static ServiceProtocol? ForTargetPrefix(string prefix)
        {
            foreach (ServiceProtocol protocol in All)
                if (protocol.TargetPrefix == prefix) return protocol;
            return null;
        }
    }
}
