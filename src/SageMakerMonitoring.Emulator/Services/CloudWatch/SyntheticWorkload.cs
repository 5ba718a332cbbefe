using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// The "synthetic" control action: generates a benchmark workload of host metrics compactly, e.g.
    /// <c>{"namespace":"/aws/sagemaker/TrainingJobs","jobName":"bench-train","hosts":16,"metrics":[...5 names],
    /// "seconds":10800,"resolution":1,"end":"2026-11-28T10:00:00Z"}</c> → 80 series of 10,800 points each, one point
    /// every <c>resolution</c> seconds in [end - seconds, end). Dimension <c>Host</c> = <c>jobName/algo-N</c>.
    /// Defaults: the training namespace, "bench-train", 16 hosts, the five utilization metrics, 10,800 s, 1 s, end = now.
    /// Series with the same identity are replaced. Resolutions below 60 s make high-resolution metrics.
    /// </summary>
    internal static class SyntheticWorkload
    {
        public const long MaxTotalPoints = 50_000_000;

        private static readonly string[] DefaultMetrics =
            { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" };

        public static JsonObject Generate(MetricStore store, JsonObject arguments, double now, int randomSeed)
        {
            var metricNamespace = RequestReader.GetString(arguments, "namespace") ?? "/aws/sagemaker/TrainingJobs";
            var jobName = RequestReader.GetString(arguments, "jobName") ?? "bench-train";
            var hosts = ReadInteger(arguments, "hosts", 16, 1, 100_000);
            var seconds = ReadInteger(arguments, "seconds", 10_800, 1, 455L * 86400);
            var resolution = ReadInteger(arguments, "resolution", 1, 1, 86400);
            var metrics = new List<string>();
            var metricsArray = RequestReader.GetArray(arguments, "metrics");
            if (metricsArray != null)
            {
                foreach (var node in metricsArray)
                {
                    if (node is JsonValue value && value.TryGetValue(out string? name) && !string.IsNullOrEmpty(name)) metrics.Add(name);
                    else throw Invalid("metrics must be a list of metric names.");
                }
            }
            if (metrics.Count == 0) metrics.AddRange(DefaultMetrics);

            var end = (long)Math.Floor(now);
            if (RequestReader.Has(arguments, "end"))
            {
                if (!RequestReader.TryGetEpochSeconds(arguments["end"], out var endEpoch)) throw Invalid("end must be an ISO-8601 time or epoch seconds.");
                end = (long)Math.Floor(endEpoch);
            }

            var pointsPerSeries = seconds / resolution;
            var total = pointsPerSeries * hosts * metrics.Count;
            if (total > MaxTotalPoints) throw Invalid($"the workload would hold {total} points; the limit is {MaxTotalPoints}.");

            var start = end - pointsPerSeries * resolution;
            var storageResolution = resolution < 60 ? 1 : 60;
            var generated = new List<MetricSeries>((int)hosts * metrics.Count);
            for (var host = 1; host <= hosts; host++)
            {
                foreach (var metric in metrics)
                {
                    var identity = MetricIdentity.Create(metricNamespace, metric, ("Host", $"{jobName}/algo-{host}"));
                    var noise = SmoothNoise.For(randomSeed, identity.Key);
                    var level = 25 + 50 * (0.5 + 0.5 * noise.At(0.5, 1));
                    var series = new MetricSeries(identity, storageResolution, (int)pointsPerSeries);
                    for (long k = 0; k < pointsPerSeries; k++)
                    {
                        var t = start + k * resolution;
                        var value = level + 20 * noise.Octaves(t, 600);
                        series.Add(t, Math.Round(value < 0 ? 0 : value > 100 ? 100 : value, 3), 1.0, MetricUnits.Percent);
                    }
                    generated.Add(series);
                }
            }

            store.Write(s =>
            {
                foreach (var series in generated) s.Replace(series);
            });
            return new JsonObject { ["series"] = generated.Count, ["datapoints"] = total };
        }

        private static long ReadInteger(JsonObject arguments, string name, long fallback, long min, long max)
        {
            if (!RequestReader.Has(arguments, name)) return fallback;
            if (!RequestReader.TryGetInteger(arguments[name], out var value) || value < min || value > max)
            {
                throw Invalid($"{name} must be an integer from {min} to {max}.");
            }
            return value;
        }

        private static Hosting.AwsErrorException Invalid(string message) =>
            CloudWatchErrors.ValidationError("Invalid synthetic workload: " + message);
    }
}
