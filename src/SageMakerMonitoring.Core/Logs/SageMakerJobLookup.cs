using System;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>Describes training, processing and transform jobs for their lifetime and status; other resources have none.</summary>
    public sealed class SageMakerJobLookup
    {
        private readonly ISageMakerClient _client;
        private readonly IOperationReporter _reporter;

        public SageMakerJobLookup(ISageMakerClient client, IOperationReporter? reporter = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _reporter = reporter ?? NullOperationReporter.Instance;
        }

        /// <summary>The job's description, or null when <paramref name="resource"/> is not a training, processing or transform job.
        /// An unknown job fails with <c>TrainingJobNotFound</c> (<c>ProcessingJobNotFound</c>, <c>TransformJobNotFound</c>).</summary>
        public async Task<SageMakerJobDescription?> DescribeAsync(SageMakerResource resource, CancellationToken cancellationToken)
        {
            if (resource is null) throw new ArgumentNullException(nameof(resource));
            try
            {
                switch (resource.Type)
                {
                    case SageMakerResourceType.TrainingJob:
                        return await _client.DescribeTrainingJobAsync(resource.Name, cancellationToken).ConfigureAwait(false);
                    case SageMakerResourceType.ProcessingJob:
                        return await _client.DescribeProcessingJobAsync(resource.Name, cancellationToken).ConfigureAwait(false);
                    case SageMakerResourceType.TransformJob:
                        return await _client.DescribeTransformJobAsync(resource.Name, cancellationToken).ConfigureAwait(false);
                    default: return null;
                }
            }
            catch (AwsServiceException ex) when (ex.IsNotFound)
            {
                throw new MonitoringException(resource.Type + "NotFound", ErrorKind.ObjectNotFound,
                    $"The {Spaced(resource.Type)} '{resource.Name}' was not found in this account and region.", resource.Name, ex)
                {
                    RecommendedAction = "Check the name (it is case-sensitive), -Region and -ProfileName.",
                };
            }
        }

        /// <summary>A probe for <see cref="LogFollower"/>: true once the job is Completed, Failed or Stopped.</summary>
        public Func<CancellationToken, Task<bool>>? TerminalProbe(SageMakerResource resource)
        {
            if (!resource.IsJob) return null;
            return async ct => (await DescribeAsync(resource, ct).ConfigureAwait(false))?.IsTerminal == true;
        }


        private static string Spaced(SageMakerResourceType type)
        {
            var name = type.ToString();
            var sb = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i])) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(name[i]));
            }
            return sb.ToString();
        }
    }
}
