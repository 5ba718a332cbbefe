using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>CloudWatch metrics operations used by the module (one page per call; callers page with NextToken).</summary>
    public interface ICloudWatchClient
    {
        Task<MetricDataPage> GetMetricDataAsync(MetricDataRequest request, CancellationToken cancellationToken);
        Task<MetricStatisticsResult> GetMetricStatisticsAsync(MetricStatisticsRequest request, CancellationToken cancellationToken);
        Task<MetricListPage> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken);
        Task PutMetricDataAsync(string metricNamespace, IReadOnlyList<MetricDatum> data, CancellationToken cancellationToken);
    }

    public sealed record MetricDimension(string Name, string Value);

    /// <summary>A metric as CloudWatch identifies it: namespace, name and the full dimension set.</summary>
    public sealed record MetricIdentity(string Namespace, string MetricName, IReadOnlyList<MetricDimension> Dimensions);

    /// <summary>One MetricStat query inside a GetMetricData call. Id: lower-case letter first, [A-Za-z0-9_], unique per call.</summary>
    public sealed record MetricDataQuery(string Id, MetricIdentity Metric, int Period, string Stat, string? Unit = null, string? Label = null);

    public sealed class MetricDataRequest
    {
        public IReadOnlyList<MetricDataQuery> Queries { get; set; } = Array.Empty<MetricDataQuery>();
        public DateTime StartTime { get; set; }
        public DateTime EndTime { get; set; }
        public string? NextToken { get; set; }
        /// <summary>true: TimestampAscending; false: TimestampDescending (the service default).</summary>
        public bool ScanAscending { get; set; } = true;
        public int? MaxDatapoints { get; set; }

        /// <summary>The same request for the page <paramref name="nextToken"/> names.</summary>
        public MetricDataRequest WithNextToken(string? nextToken) => new MetricDataRequest
        {
            Queries = Queries,
            StartTime = StartTime,
            EndTime = EndTime,
            NextToken = nextToken,
            ScanAscending = ScanAscending,
            MaxDatapoints = MaxDatapoints,
        };
    }

    public sealed class MetricDataPage
    {
        public IReadOnlyList<MetricDataResult> Results { get; set; } = Array.Empty<MetricDataResult>();
        public string? NextToken { get; set; }
        public IReadOnlyList<string> Messages { get; set; } = Array.Empty<string>();
    }

    public sealed class MetricDataResult
    {
        public string Id { get; set; } = "";
        public string? Label { get; set; }
        /// <summary>UTC timestamps, index-aligned with <see cref="Values"/>.</summary>
        public DateTime[] Timestamps { get; set; } = Array.Empty<DateTime>();
        public double[] Values { get; set; } = Array.Empty<double>();
        /// <summary>Complete, PartialData, InternalError or Forbidden.</summary>
        public string StatusCode { get; set; } = "Complete";
        public IReadOnlyList<string> Messages { get; set; } = Array.Empty<string>();
    }

    public sealed class MetricStatisticsRequest
    {
        public MetricIdentity Metric { get; set; } = new MetricIdentity("", "", Array.Empty<MetricDimension>());
        public DateTime StartTime { get; set; }
        public DateTime EndTime { get; set; }
        public int Period { get; set; }
        /// <summary>Any of SampleCount, Average, Sum, Minimum, Maximum.</summary>
        public IReadOnlyList<string> Statistics { get; set; } = Array.Empty<string>();
        /// <summary>Percentiles such as p99; never together with <see cref="Statistics"/>.</summary>
        public IReadOnlyList<string> ExtendedStatistics { get; set; } = Array.Empty<string>();
        public string? Unit { get; set; }
    }

    public sealed class MetricStatisticsResult
    {
        public string? Label { get; set; }
        /// <summary>As the service returns them: not necessarily in time order.</summary>
        public IReadOnlyList<StatisticsDatapoint> Datapoints { get; set; } = Array.Empty<StatisticsDatapoint>();
    }

    public sealed class StatisticsDatapoint
    {
        public DateTime Timestamp { get; set; }
        public double? SampleCount { get; set; }
        public double? Average { get; set; }
        public double? Sum { get; set; }
        public double? Minimum { get; set; }
        public double? Maximum { get; set; }
        public string? Unit { get; set; }
        public IReadOnlyDictionary<string, double> ExtendedStatistics { get; set; } = new Dictionary<string, double>();
    }

    public sealed class ListMetricsRequest
    {
        public string? Namespace { get; set; }
        public string? MetricName { get; set; }
        /// <summary>Dimension filters: Name required, Value optional (null matches any value).</summary>
        public IReadOnlyList<KeyValuePair<string, string?>> Dimensions { get; set; } = Array.Empty<KeyValuePair<string, string?>>();
        public bool RecentlyActive { get; set; }
        public string? NextToken { get; set; }
    }

    public sealed class MetricListPage
    {
        public IReadOnlyList<MetricIdentity> Metrics { get; set; } = Array.Empty<MetricIdentity>();
        public string? NextToken { get; set; }
    }

    public sealed class MetricDatum
    {
        public string MetricName { get; set; } = "";
        public IReadOnlyList<MetricDimension> Dimensions { get; set; } = Array.Empty<MetricDimension>();
        public DateTime Timestamp { get; set; }
        public double? Value { get; set; }
        /// <summary>Values/Counts form; used instead of <see cref="Value"/> when non-empty.</summary>
        public IReadOnlyList<double> Values { get; set; } = Array.Empty<double>();
        public IReadOnlyList<double> Counts { get; set; } = Array.Empty<double>();
        public string? Unit { get; set; }
        /// <summary>1 (high resolution) or 60 (standard).</summary>
        public int StorageResolution { get; set; } = 60;
    }
}
