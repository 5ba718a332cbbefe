using System;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// The metrics of the demo world, relative to the clock's now (T) at seeding time:
    /// <list type="bullet">
    /// <item>Training job demo-train-resnet50: 4 hosts, 1-second high-resolution data from T-2h to T for CPU, memory,
    /// GPU, GPU memory and disk utilization; a data-loader stall from T-70m to T-62m (GPU ~5–15, CPU ~3000 on every
    /// host) and algo-3's GPU running at about a quarter of the others (~90 vs ~360).</item>
    /// <item>Processing job demo-preprocess: 2 hosts, 1-minute CPU/memory/disk from T-5h to T-4h20m.</item>
    /// <item>Endpoint demo-churn-endpoint: 24 h of 1-minute invocation, latency and error metrics for variants Primary
    /// (2 instances) and Pipeline (1 instance; ContainerLatency for container-1 and container-2); latencies are stored
    /// as value distributions (Values/Counts) so percentiles work; instance CPU/memory/disk per variant (Primary is
    /// over-provisioned: under 20 % CPU per vCPU at every minute; Pipeline is not).</item>
    /// <item>Transform job demo-batch-score: 1-minute CPU/memory for its one instance from T-30h to T-29h.</item>
    /// </list>
    /// Values are smooth deterministic functions of time (see <see cref="SmoothNoise"/>).
    /// </summary>
    internal static class DemoMetrics
    {
        public const string TrainingJob = "demo-train-resnet50";
        public const string ProcessingJob = "demo-preprocess";
        public const string EndpointName = "demo-churn-endpoint";
        public const string TransformJob = "demo-batch-score";
        public const string TransformInstance = "i-0fedcba9876543210";

        public const string TrainingNamespace = "/aws/sagemaker/TrainingJobs";
        public const string ProcessingNamespace = "/aws/sagemaker/ProcessingJobs";
        public const string TransformNamespace = "/aws/sagemaker/TransformJobs";
        public const string EndpointInstanceNamespace = "/aws/sagemaker/Endpoints";
        public const string InvocationNamespace = "AWS/SageMaker";

        private static readonly string[] TrainingMetrics =
            { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" };

        private static readonly double[] LatencyMultipliers = { 0.55, 0.7, 0.85, 1.0, 1.2, 1.5, 2.2, 4.0 };
        private static readonly double[] LatencyShares = { 0.04, 0.12, 0.22, 0.27, 0.2, 0.1, 0.04, 0.01 };

        /// <summary>Writes the demo metrics into <paramref name="store"/> (caller holds the write lock), replacing
        /// series with the same identity.</summary>
        public static void Load(MetricStore store, long now, int randomSeed)
        {
            LoadTraining(store, now, randomSeed);
            LoadProcessing(store, now, randomSeed);
            LoadEndpoint(store, now, randomSeed);
            LoadTransform(store, now, randomSeed);
        }

        private static void LoadTraining(MetricStore store, long now, int randomSeed)
        {
            var start = now - 7200;
            var stallStart = now - 70 * 60;
            var stallEnd = now - 62 * 60;
            for (var host = 1; host <= 4; host++)
            {
                foreach (var metric in TrainingMetrics)
                {
                    var identity = MetricIdentity.Create(TrainingNamespace, metric, ("Host", $"{TrainingJob}/algo-{host}"));
                    var noise = SmoothNoise.For(randomSeed, identity.Key);
                    var series = new MetricSeries(identity, 1, 7200);
                    for (var t = start; t < now; t++)
                    {
                        var n = noise.Octaves(t, 300);
                        var jitter = noise.At(t + 50_000.5, 6);
                        var stalled = t >= stallStart && t < stallEnd;
                        var progress = (t - start) / 7200.0;
                        double value;
                        switch (metric)
                        {
                            case "GPUUtilization":
                                value = stalled ? 10 + 5 * n : host == 3 ? 90 + 6 * n + 2 * jitter : 360 + 15 * n + 6 * jitter;
                                value = Clamp(value, 0, 400);
                                break;
                            case "CPUUtilization":
                                value = stalled ? 3000 + 80 * n + 30 * jitter : 950 + 150 * n + 40 * jitter;
                                value = Clamp(value, 0, 3200);
                                break;
                            case "MemoryUtilization":
                                value = Clamp(58 + 8 * progress + 3 * n, 0, 100);
                                break;
                            case "GPUMemoryUtilization":
                                value = Clamp(host == 3 ? 85 + 5 * n : 310 + 12 * n, 0, 400);
                                break;
                            default:
                                value = Clamp(18 + 10 * progress + 0.5 * n, 0, 100);
                                break;
                        }
                        series.Add(t, Math.Round(value, 2), 1.0, MetricUnits.Percent);
                    }
                    store.Replace(series);
                }
            }
        }

        private static void LoadProcessing(MetricStore store, long now, int randomSeed)
        {
            var start = PeriodAggregator.FloorToPeriod(now - 5 * 3600, 60);
            const int minutes = 40;
            for (var host = 1; host <= 2; host++)
            {
                foreach (var metric in new[] { "CPUUtilization", "MemoryUtilization", "DiskUtilization" })
                {
                    var identity = MetricIdentity.Create(ProcessingNamespace, metric, ("Host", $"{ProcessingJob}/algo-{host}"));
                    var noise = SmoothNoise.For(randomSeed, identity.Key);
                    var series = new MetricSeries(identity, 60, minutes);
                    for (var k = 0; k < minutes; k++)
                    {
                        var t = start + k * 60L;
                        var n = noise.Octaves(t, 600);
                        var progress = k / (double)minutes;
                        var value = metric switch
                        {
                            "CPUUtilization" => Clamp(310 + 40 * n, 0, 400),
                            "MemoryUtilization" => Clamp(45 + 10 * progress + 3 * n, 0, 100),
                            _ => Clamp(30 + 25 * progress + n, 0, 100),
                        };
                        series.Add(t, Math.Round(value, 2), 1.0, MetricUnits.Percent);
                    }
                    store.Replace(series);
                }
            }
        }

        private static void LoadEndpoint(MetricStore store, long now, int randomSeed)
        {
            var start = PeriodAggregator.FloorToPeriod(now, 60) - 1440 * 60L;
            foreach (var (variant, instances, baseRate, latencyCenter) in new[]
                     {
                         ("Primary", 2, 120.0, 25_000.0),
                         ("Pipeline", 1, 40.0, 62_000.0),
                     })
            {
                var dims = new[] { ("EndpointName", EndpointName), ("VariantName", variant) };
                var trafficNoise = SmoothNoise.For(randomSeed, $"{EndpointName}/{variant}/traffic");
                var invocations = Create(InvocationNamespace, "Invocations", dims);
                var perInstance = Create(InvocationNamespace, "InvocationsPerInstance", dims);
                var modelLatency = Create(InvocationNamespace, "ModelLatency", dims, 1440 * 8);
                var overhead = Create(InvocationNamespace, "OverheadLatency", dims, 1440 * 8);
                var errors4xx = Create(InvocationNamespace, "Invocation4XXErrors", dims);
                var errors5xx = Create(InvocationNamespace, "Invocation5XXErrors", dims);
                var modelErrors = Create(InvocationNamespace, "InvocationModelErrors", dims);
                var cpu = Create(EndpointInstanceNamespace, "CPUUtilization", dims);
                var memory = Create(EndpointInstanceNamespace, "MemoryUtilization", dims);
                var disk = Create(EndpointInstanceNamespace, "DiskUtilization", dims);
                MetricSeries? container1 = null, container2 = null;
                if (variant == "Pipeline")
                {
                    container1 = Create(InvocationNamespace, "ContainerLatency",
                        new[] { dims[0], dims[1], ("ContainerName", "container-1") }, 1440 * 8);
                    container2 = Create(InvocationNamespace, "ContainerLatency",
                        new[] { dims[0], dims[1], ("ContainerName", "container-2") }, 1440 * 8);
                }
                var latencyNoise = SmoothNoise.For(randomSeed, modelLatency.Identity.Key);
                var errorNoise = SmoothNoise.For(randomSeed, errors4xx.Identity.Key);
                var loadNoise = SmoothNoise.For(randomSeed, cpu.Identity.Key);

                for (var k = 0; k < 1440; k++)
                {
                    var t = start + k * 60L;
                    var dayPhase = 2 * Math.PI * ((t % 86400) / 86400.0);
                    var n = trafficNoise.Octaves(t, 3600);
                    var count = Math.Round(baseRate * (1 + 0.35 * Math.Sin(dayPhase - Math.PI / 2)) * (1 + 0.1 * n));
                    invocations.Add(t, count, 1.0, MetricUnits.None);
                    perInstance.Add(t, Math.Round(count / instances, 2), 1.0, MetricUnits.None);

                    var ln = latencyNoise.Octaves(t, 1800);
                    var center = latencyCenter * (1 + 0.15 * ln);
                    AddDistribution(modelLatency, t, center, count);
                    AddDistribution(overhead, t, 1_800 * (1 + 0.1 * ln), count);
                    if (container1 != null)
                    {
                        AddDistribution(container1, t, center * 0.35, count);
                        AddDistribution(container2!, t, center * 0.62, count);
                    }

                    var en = errorNoise.Octaves(t, 900);
                    errors4xx.Add(t, Math.Max(0, Math.Floor(en * 8 - 3)), 1.0, MetricUnits.None);
                    var burst = variant == "Primary" && t >= now - 190 * 60 && t < now - 180 * 60;
                    errors5xx.Add(t, burst ? 2 + Math.Floor(3 * Math.Abs(en)) : 0, 1.0, MetricUnits.None);
                    var modelErrorBurst = variant == "Pipeline" && en > 0.55;
                    modelErrors.Add(t, modelErrorBurst ? 1 : 0, 1.0, MetricUnits.None);

                    var load = loadNoise.Octaves(t, 1200);
                    var utilization = count / baseRate;
                    // Primary's two ml.m5.large (2 vCPUs each) are more than its traffic needs: its busiest instance stays
                    // between 5 and 15 % per vCPU, so the right-size rule fires; Pipeline's one instance runs at 15-57 %.
                    var cpuValue = variant == "Primary" ? 8 + 12 * utilization + 4 * load : 70 * utilization + 10 * load;
                    cpu.Add(t, Math.Round(Clamp(cpuValue, 0, 400), 2), 1.0, MetricUnits.Percent);
                    memory.Add(t, Math.Round(Clamp(38 + 3 * load, 0, 100), 2), 1.0, MetricUnits.Percent);
                    disk.Add(t, Math.Round(Clamp(22 + 0.3 * load, 0, 100), 2), 1.0, MetricUnits.Percent);
                }

                foreach (var series in new[] { invocations, perInstance, modelLatency, overhead, errors4xx, errors5xx, modelErrors, cpu, memory, disk })
                {
                    store.Replace(series);
                }
                if (container1 != null)
                {
                    store.Replace(container1);
                    store.Replace(container2!);
                }
            }
        }

        private static void LoadTransform(MetricStore store, long now, int randomSeed)
        {
            var start = PeriodAggregator.FloorToPeriod(now - 30 * 3600, 60);
            foreach (var metric in new[] { "CPUUtilization", "MemoryUtilization" })
            {
                var identity = MetricIdentity.Create(TransformNamespace, metric, ("Host", $"{TransformJob}/{TransformInstance}"));
                var noise = SmoothNoise.For(randomSeed, identity.Key);
                var series = new MetricSeries(identity, 60, 60);
                for (var k = 0; k < 60; k++)
                {
                    var t = start + k * 60L;
                    var n = noise.Octaves(t, 600);
                    var value = metric == "CPUUtilization" ? Clamp(280 + 40 * n, 0, 400) : Clamp(52 + 4 * n, 0, 100);
                    series.Add(t, Math.Round(value, 2), 1.0, MetricUnits.Percent);
                }
                store.Replace(series);
            }
        }

        /// <summary>One minute of latencies: eight values around <paramref name="center"/> with counts summing to about
        /// <paramref name="invocations"/>, the shape of a right-skewed latency distribution.</summary>
        private static void AddDistribution(MetricSeries series, long t, double center, double invocations)
        {
            for (var j = 0; j < LatencyMultipliers.Length; j++)
            {
                var count = Math.Round(invocations * LatencyShares[j]);
                if (count <= 0) continue;
                series.Add(t, Math.Round(center * LatencyMultipliers[j]), count, MetricUnits.Microseconds);
            }
        }

        private static MetricSeries Create(string metricNamespace, string metricName, (string, string)[] dimensions, int capacity = 1440) =>
            new MetricSeries(MetricIdentity.Create(metricNamespace, metricName, dimensions), 60, capacity);

        private static double Clamp(double value, double min, double max) => value < min ? min : value > max ? max : value;
    }
}
