using System;
using System.Linq;
using System.Text.Json;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Aws.CloudWatch;

namespace SageMakerMonitoring.Bench
{
    /// <summary>
    /// The module's GetMetricData reader on a full 100,800-point page, in datapoints/s. Baseline: a bare
    /// Utf8JsonReader token pass over the same bytes, expressed as datapoints/s.
    /// </summary>
    public sealed class WireParseMetricDataBench : IBenchEntry
    {
        private const int PagesPerRound = 10;
        private const int Rounds = 5;

        public string Name => "core-parse-getmetricdata-page";

        public BenchFigure Run()
        {
            byte[] body = SamplePages.MetricData();
            long points = Parse(body).Results.Sum(r => (long)r.Values.Length);
            if (points != 100_800) throw new InvalidOperationException($"The sample page parsed to {points} datapoints, not 100,800.");

            long sink = 0;
            var (parse, tokens) = InterleavedRounds.Best(Rounds,
                () => { for (int i = 0; i < PagesPerRound; i++) sink += Parse(body).Results.Count; },
                () => { for (int i = 0; i < PagesPerRound; i++) sink += TokenPass.Read(body); });
            GC.KeepAlive(sink);
            double perRound = (double)points * PagesPerRound;
            return new BenchFigure(Name, perRound / parse.TotalSeconds, perRound / tokens.TotalSeconds, "datapoints/s");
        }

        private static MetricDataPage Parse(byte[] body)
        {
            var reader = new Utf8JsonReader(body);
            return CloudWatchClient.ReadMetricDataPage(ref reader);
        }
    }
}
