using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>What SageMaker's Describe call says about a resource the user named, in one shape for every kind.</summary>
    public sealed class SageMakerResourceDescription
    {
        public SageMakerResourceDescription(SageMakerResource resource, string status, DateTime? creationTime, DateTime? lastModifiedTime)
        {
            Resource = resource ?? throw new ArgumentNullException(nameof(resource));
            Status = status ?? "";
            CreationTime = creationTime;
            LastModifiedTime = lastModifiedTime;
        }

        public SageMakerResource Resource { get; }
        public string Status { get; }
        public DateTime? CreationTime { get; }
        public DateTime? LastModifiedTime { get; }
        /// <summary>The resource's ARN as SageMaker gave it (null when the answer had none).</summary>
        public string? Arn { get; init; }
        /// <summary>Jobs only.</summary>
        public SageMakerJobDescription? Job { get; init; }
        /// <summary>Endpoints only.</summary>
        public EndpointDescription? Endpoint { get; init; }

        /// <summary>A job's instance type (null for heterogeneous clusters: see <see cref="InstanceGroups"/>; null for other kinds).</summary>
        public string? InstanceType => Job?.InstanceType;

        /// <summary>A training job's instance groups (heterogeneous clusters), in order; empty otherwise.</summary>
        public IReadOnlyList<InstanceGroupDescription> InstanceGroups => Job?.InstanceGroups ?? (IReadOnlyList<InstanceGroupDescription>)Array.Empty<InstanceGroupDescription>();

        /// <summary>A training job's ProfilerConfig.S3OutputPath (where Debugger writes system data), or null.</summary>
        public string? ProfilerS3OutputPath => Job?.ProfilerS3OutputPath;

        /// <summary>A training job's ProfilerConfig.ProfilingIntervalInMilliseconds, or null (SageMaker's default, 500 ms).</summary>
        public long? ProfilingIntervalInMilliseconds => Job?.ProfilingIntervalInMilliseconds;

        /// <summary>A training job's ProfilingStatus (Enabled or Disabled), or null.</summary>
        public string? ProfilingStatus => Job?.ProfilingStatus;

        /// <summary>A job that is Completed, Failed or Stopped.</summary>
        public bool IsTerminal => Job?.IsTerminal == true;

        /// <summary>The endpoint's variant names (empty for other kinds).</summary>
        public IReadOnlyList<string> VariantNames => Endpoint?.Variants.Select(v => v.VariantName).ToList() ?? (IReadOnlyList<string>)Array.Empty<string>();

        /// <summary>A job's own span: from its creation (its first log lines come before training starts) to its end
        /// once terminal (the end time, else the last modification); null for resources that live on (endpoints,
        /// notebooks), whose default range is the last few hours instead.</summary>
        public ResourceTimeSpan? TimeSpan
        {
            get
            {
                if (Job is null) return null;
                var start = Job.CreationTime ?? Job.StartTime;
                if (start is null) return null;
                DateTime? end = Job.IsTerminal ? Job.EndTime ?? Job.LastModifiedTime : null;
                return new ResourceTimeSpan(UtcTime.ToUtc(start.Value), end is DateTime e ? UtcTime.ToUtc(e) : (DateTime?)null, Job.Name.Length > 0 ? Job.Name : Resource.Name);
            }
        }

        public override string ToString() => $"{Resource} ({Status})";
    }
}
