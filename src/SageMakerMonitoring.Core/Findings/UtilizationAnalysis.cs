using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>Everything one read of a job's or endpoint's utilization produced: statistics, chart series, and the rules' verdicts.</summary>
    public sealed class UtilizationAnalysis
    {
        public string ResourceType { get; internal set; } = "";
        public string ResourceName { get; internal set; } = "";
        public SageMakerJobDescription? Job { get; internal set; }
        public EndpointDescription? Endpoint { get; internal set; }
        /// <summary>CloudWatch or Debugger.</summary>
        public string Source { get; internal set; } = "";
        public DateTime Start { get; internal set; }
        public DateTime End { get; internal set; }
        public string? InstanceType { get; internal set; }
        public long Points { get; internal set; }
        public IReadOnlyList<UtilizationStatistics> Statistics { get; internal set; } = Array.Empty<UtilizationStatistics>();
        public IReadOnlyList<UtilizationChartSeries> Charts { get; internal set; } = Array.Empty<UtilizationChartSeries>();
        public IReadOnlyList<UtilizationFinding> Findings { get; internal set; } = Array.Empty<UtilizationFinding>();
    }
}
