using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    internal static class MetricTestData
    {
        public static readonly DateTime Start = new DateTime(2026, 11, 28, 7, 0, 0, DateTimeKind.Utc);

        public static List<MetricSeriesDescriptor> TrainingSeries(int hosts, int period, params string[] metrics)
        {
            if (metrics.Length == 0) metrics = new[] { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" };
            var list = new List<MetricSeriesDescriptor>();
            for (var h = 1; h <= hosts; h++)
            {
                foreach (var m in metrics)
                {
                    var identity = new MetricIdentity(MetricCatalog.TrainingJobsNamespace, m, new[] { new MetricDimension("Host", "job/algo-" + h) });
                    var info = new MetricInfo(identity, SageMakerResourceType.TrainingJob, "job", "algo-" + h, null,
                        MetricCatalog.Find(SageMakerResourceType.TrainingJob, MetricCatalog.TrainingJobsNamespace, m));
                    list.Add(new MetricSeriesDescriptor(info, "Average", period));
                }
            }
            return list;
        }

        public static List<MetricSeriesDescriptor> CustomSeries(int count, int period) =>
            Enumerable.Range(0, count).Select(i => new MetricSeriesDescriptor(
                new MetricInfo(new MetricIdentity("Custom/Test", "m" + i, new[] { new MetricDimension("Id", i.ToString()) }), SageMakerResourceType.Custom, "Id=" + i, null, null, null),
                "Average", period)).ToList();
    }
}
