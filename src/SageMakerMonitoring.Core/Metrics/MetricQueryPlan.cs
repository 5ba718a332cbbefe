using System.Collections.Generic;
using System.Linq;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>The GetMetricData calls that read a set of series over a range, in the order to make them.</summary>
    public sealed class MetricQueryPlan
    {
        public MetricQueryPlan(IReadOnlyList<MetricDataCall> calls, long lowerBound)
        {
            Calls = calls;
            LowerBound = lowerBound;
        }

        public IReadOnlyList<MetricDataCall> Calls { get; }
        /// <summary>The fewest calls the per-call limits allow for this work (queries per call, datapoints per call).</summary>
        public long LowerBound { get; }
        public long EstimatedDatapoints => Calls.Sum(c => c.EstimatedDatapoints);
    }
}
