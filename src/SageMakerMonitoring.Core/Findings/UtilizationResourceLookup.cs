using System;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// The one place the utilization features describe their resource (a training job or an endpoint) through
    /// SageMaker, with the module's not-found error. Cached: each resource is described once per instance.
    /// </summary>
    public sealed class UtilizationResourceLookup
    {
        private readonly ISageMakerClient _sageMaker;
        private readonly ICloudWatchClient _cloudWatch;
        private SageMakerJobDescription? _job;
        private EndpointDescription? _endpoint;

        public UtilizationResourceLookup(ISageMakerClient sageMaker, ICloudWatchClient cloudWatch)
        {
            _sageMaker = sageMaker;
            _cloudWatch = cloudWatch;
        }

        public async Task<SageMakerJobDescription> DescribeTrainingJobAsync(string name, CancellationToken cancellationToken)
        {
            if (_job != null && _job.Name == name) return _job;
            var selection = MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, name));
            _job = await new MetricSeriesResolver(_cloudWatch, _sageMaker).DescribeJobAsync(selection, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(_job.Name)) _job.Name = name;
            return _job;
        }

        public async Task<EndpointDescription> DescribeEndpointAsync(string name, CancellationToken cancellationToken)
        {
            if (_endpoint != null && _endpoint.Name == name) return _endpoint;
            try
            {
                _endpoint = await _sageMaker.DescribeEndpointAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.IsNotFound)
            {
                throw new MonitoringException("EndpointNotFound", ErrorKind.ObjectNotFound,
                    $"Endpoint '{name}' was not found in SageMaker ({ex.ErrorCode}: {ex.Message}).", name, ex)
                {
                    RecommendedAction = "Check the name and the Region (-Region).",
                };
            }
            if (string.IsNullOrEmpty(_endpoint.Name)) _endpoint.Name = name;
            return _endpoint;
        }
    }
}
