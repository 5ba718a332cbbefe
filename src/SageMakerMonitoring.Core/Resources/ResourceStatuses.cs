using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>The status values of each kind's List* <c>StatusEquals</c> filter, as botocore's SageMaker model
    /// enumerates them (TrainingJobStatus, ProcessingJobStatus, TransformJobStatus, EndpointStatus,
    /// InferenceComponentStatus).</summary>
    public static class ResourceStatuses
    {
        private static readonly string[] Job = { "InProgress", "Completed", "Failed", "Stopping", "Stopped" };
        private static readonly string[] Training = { "InProgress", "Completed", "Failed", "Stopping", "Stopped", "Deleting" };
        private static readonly string[] Endpoint =
            { "OutOfService", "Creating", "Updating", "SystemUpdating", "RollingBack", "InService", "Deleting", "Failed", "UpdateRollbackFailed" };
        private static readonly string[] InferenceComponent = { "InService", "Creating", "Updating", "Failed", "Deleting" };

        /// <summary>The values for <paramref name="type"/> (empty for kinds without a status filter here).</summary>
        public static IReadOnlyList<string> For(SageMakerResourceType type) => type switch
        {
            SageMakerResourceType.TrainingJob => Training,
            SageMakerResourceType.ProcessingJob => Job,
            SageMakerResourceType.TransformJob => Job,
            SageMakerResourceType.Endpoint => Endpoint,
            SageMakerResourceType.InferenceComponent => InferenceComponent,
            _ => Array.Empty<string>(),
        };

        /// <summary>Every value any job kind has (for completion when the kind is not known yet).</summary>
        public static IReadOnlyList<string> AllJobStatuses => Training;

        /// <summary>The values in the service's spelling; one the kind does not have is <c>InvalidStatus</c>.</summary>
        public static IReadOnlyList<string> Normalize(SageMakerResourceType type, IEnumerable<string>? values)
        {
            if (values is null) return Array.Empty<string>();
            var known = For(type);
            var result = new List<string>();
            foreach (var value in values)
            {
                if (string.IsNullOrWhiteSpace(value)) continue;
                var match = known.FirstOrDefault(k => string.Equals(k, value.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    throw new MonitoringException("InvalidStatus", ErrorKind.InvalidArgument,
                        known.Count == 0
                            ? $"A {SageMakerResourceResolver.Spaced(type)} has no status filter; '{value}' cannot be used."
                            : $"'{value}' is not a {SageMakerResourceResolver.Spaced(type)} status. The statuses are: {string.Join(", ", known)}.",
                        value)
                    {
                        RecommendedAction = known.Count == 0 ? "Leave -Status out." : $"Use one of: {string.Join(", ", known)}.",
                    };
                }
                if (!result.Contains(match)) result.Add(match);
            }
            return result;
        }
    }
}
