using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Findings;
using SageMakerMonitoring.Core.Metrics;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Findings
{
    public class UtilizationReportWriterTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

        private static UtilizationAnalysis Analysis(string name)
        {
            var p3 = InstanceTypeCatalog.Find("ml.p3.8xlarge");
            var analyzer = new UtilizationAnalyzer(new FindingContext { ResourceName = name, Source = "CloudWatch" }, _ => p3, new UtilizationRuleParameters { Patience = 10, Window = 5 }, T0, T0.AddMinutes(1));
            var points = new System.Collections.Generic.List<MetricDatapoint>();
            foreach (var host in new[] { "algo-1", "algo-2" })
            {
                foreach (var metric in new[] { "GPUUtilization", "GPUMemoryUtilization", "CPUUtilization", "MemoryUtilization" })
                {
                    var info = new MetricInfo(new SageMakerMonitoring.Core.Aws.MetricIdentity("/aws/sagemaker/TrainingJobs", metric, new[] { new SageMakerMonitoring.Core.Aws.MetricDimension("Host", name + "/" + host) }),
                        SageMakerResourceType.TrainingJob, name, host, null, null);
                    var series = new MetricSeriesDescriptor(info, "Average", 1);
                    for (var i = 0; i < 60; i++) points.Add(new MetricDatapoint(series, T0.AddSeconds(i), 40 + i % 7));
                }
            }
            analyzer.AddCloudWatch(points.ToArray());
            return new UtilizationAnalysis
            {
                ResourceType = "TrainingJob", ResourceName = name, Source = "CloudWatch", Start = T0, End = T0.AddMinutes(1), Points = analyzer.Points,
                Statistics = analyzer.Statistics().ToList(), Charts = analyzer.Charts().ToList(), Findings = analyzer.Findings(UtilizationRules.TrainingJob).ToList(),
            };
        }

        [Fact]
        public void WritesEveryChartAndFindingAndEncodesWhatAwsReturned()
        {
            var analysis = Analysis("job<script>alert(1)</script>");
            // CloudWatch's sums (40..46) divided by ml.p3.8xlarge's 4 GPUs and 32 vCPUs; memory as it is.
            var gpu = analysis.Statistics.First(s => s.Host == "algo-1" && s.MetricName == "GPUUtilization");
            Assert.Equal((40 / 4.0, 46 / 4.0, 60L, 4), (gpu.Min, gpu.Max, gpu.SampleCount, gpu.DeviceCount!.Value));
            Assert.Equal(46 / 32.0, analysis.Statistics.First(s => s.MetricName == "CPUUtilization").Max, 12);
            Assert.Equal(46, analysis.Statistics.First(s => s.MetricName == "MemoryUtilization").Max);
            var writer = new UtilizationReportWriter();
            var html = new StringWriter();
            writer.Write(analysis, html, T0);
            var text = html.ToString();

            Assert.DoesNotContain("<script>alert", text);
            Assert.Contains("job&lt;script&gt;alert(1)&lt;/script&gt;", text);
            // 2 hosts x (CPU, GPU, GPU memory) time series + 2 box plots.
            Assert.Equal(8, writer.ChartCount);
            Assert.Equal(8, Regex.Matches(text, "<svg class=\"chart\"").Count);
            Assert.Equal(analysis.Findings.Count, Regex.Matches(text, "<tr class=\"[^\"]*\" data-rule=").Count);
            Assert.Equal(analysis.Statistics.Count, Regex.Matches(text, "<tr><td>algo-").Count);
            // Nothing is fetched: no external URL in any src or href.
            Assert.DoesNotMatch("(src|href)\\s*=\\s*\"(https?:)?//", text);
            Assert.Contains("Content-Security-Policy", text);
        }
    }
}
