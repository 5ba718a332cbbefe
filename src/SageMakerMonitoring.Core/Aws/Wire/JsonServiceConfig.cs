using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>
    /// SDK client configuration for one awsJson service. The SDK supplies credentials, SigV4, retries (standard/adaptive,
    /// AWS_MAX_ATTEMPTS, AWS_RETRY_MODE), clock-skew correction and the HTTP pipeline; this class tells it which service
    /// it is talking to and where.
    /// </summary>
    internal abstract class JsonServiceConfig : ClientConfig
    {
        private static readonly DefaultConfigurationProvider Defaults = new DefaultConfigurationProvider(new IDefaultConfiguration[]
        {
            new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
            new DefaultConfiguration { Name = DefaultConfigurationMode.InRegion, RetryMode = RequestRetryMode.Standard },
            new DefaultConfiguration { Name = DefaultConfigurationMode.CrossRegion, RetryMode = RequestRetryMode.Standard },
            new DefaultConfiguration { Name = DefaultConfigurationMode.Mobile, RetryMode = RequestRetryMode.Standard },
        });

        private static readonly string ModuleVersion = typeof(JsonServiceConfig).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        protected JsonServiceConfig(ServiceDescriptor service)
            : base(Defaults)
        {
            Service = service;
            ServiceId = service.ServiceId;
            AuthenticationServiceName = service.SigningName;
        }

        public ServiceDescriptor Service { get; }

        /// <summary>Told about each failed attempt and, once per call, about lasting throttling (see <see cref="ThrottlingWatch"/>).</summary>
        public Action<AwsAttemptNotice>? ThrottlingNotice { get; set; }

        /// <summary>Null: <see cref="ThrottlingWatch.ProcessThreshold"/>.</summary>
        public TimeSpan? ThrottlingWarningAfter { get; set; }

        public override string ServiceVersion => Service.ApiVersion;

        public override string UserAgent => "SageMakerMonitoring/" + ModuleVersion;

        public override string RegionEndpointServiceName => Service.EndpointPrefix;

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
        {
            if (!string.IsNullOrEmpty(ServiceURL))
            {
                return new Endpoint(ServiceURL);
            }
            RegionEndpoint region = RegionEndpoint
                ?? throw new AwsConfigurationException(AwsConfigurationException.MissingRegionMessage);
            return new Endpoint(DefaultEndpointFor(Service.EndpointPrefix, region));
        }

        /// <summary>https://{prefix}.{region}.{partition dns suffix}, e.g. https://logs.eu-west-1.amazonaws.com.</summary>
        public static string DefaultEndpointFor(string endpointPrefix, RegionEndpoint region)
        {
            string suffix = string.IsNullOrEmpty(region.PartitionDnsSuffix) ? "amazonaws.com" : region.PartitionDnsSuffix;
            return "https://" + endpointPrefix + "." + region.SystemName + "." + suffix;
        }
    }
}
