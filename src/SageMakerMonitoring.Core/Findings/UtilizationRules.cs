using System;
using System.Collections.Generic;
using System.Linq;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>The rules Get-SageMakerUtilizationFinding evaluates (training jobs: Debugger's profiler rules; endpoints: the module's own).</summary>
    public static class UtilizationRules
    {
        public const string LowGPUUtilization = "LowGPUUtilization";
        public const string CPUBottleneck = "CPUBottleneck";
        public const string IOBottleneck = "IOBottleneck";
        public const string BatchSize = "BatchSize";
        public const string GPUMemoryIncrease = "GPUMemoryIncrease";
        public const string LoadBalancing = "LoadBalancing";
        public const string EndpointLowUtilization = "EndpointLowUtilization";
        public const string EndpointModelLatency = "EndpointModelLatency";
        public const string EndpointErrorRate = "EndpointErrorRate";

        public static IReadOnlyList<string> TrainingJob { get; } = new[] { LowGPUUtilization, CPUBottleneck, IOBottleneck, BatchSize, GPUMemoryIncrease, LoadBalancing };
        public static IReadOnlyList<string> Endpoint { get; } = new[] { EndpointLowUtilization, EndpointModelLatency, EndpointErrorRate };
        public static IReadOnlyList<string> All { get; } = TrainingJob.Concat(Endpoint).ToArray();

        private static readonly Dictionary<string, (string Description, string Recommendation)> Texts = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            [LowGPUUtilization] = ("A GPU's p95 utilization stays low, or swings between high and near-idle.",
                "Under-used: a larger batch size, or a smaller (or fewer) GPU instance. Fluctuating: look for a data-loading or synchronisation bottleneck between steps."),
            [CPUBottleneck] = ("GPUs idle while the CPUs are saturated.",
                "Move pre-processing off the training hosts or to the GPU, use more data-loader workers or an instance with more vCPUs per GPU."),
            [IOBottleneck] = ("GPUs idle while the CPUs wait on I/O.",
                "Read data faster: FastFile or Pipe mode, larger sharded files, local copies, prefetching, more data-loader workers."),
            [BatchSize] = ("CPU, GPU and GPU memory all stay below their p95 thresholds: the batch is too small for the instance.",
                "Increase the batch size (and scale the learning rate), or move to a smaller instance type."),
            [GPUMemoryIncrease] = ("A GPU's memory use keeps rising between windows.",
                "Look for tensors kept across steps (accumulated losses, growing caches); a larger-memory GPU only postpones an out-of-memory error."),
            [LoadBalancing] = ("The GPUs of a host do unequal work (their utilization histograms differ).",
                "Check the data-parallel setup: every GPU should get a process and an equal share of each batch (DistributedDataParallel, Horovod)."),
            [EndpointLowUtilization] = ("Every instance of the endpoint stays lightly loaded.",
                "Right-size: a smaller instance type, fewer instances, a lower auto-scaling minimum, or a serverless endpoint."),
            [EndpointModelLatency] = ("The model's p99 latency exceeds the threshold.",
                "Profile the model container; consider a larger or GPU instance, batching, a compiled model (Neo), or more instances."),
            [EndpointErrorRate] = ("A share of invocations fail with 4xx or 5xx errors.",
                "4xx: check the callers' payloads and content types. 5xx: read the endpoint's CloudWatch logs (Get-SageMakerLogEvent -EndpointName)."),
        };

        /// <summary>
        /// The rules to run: <paramref name="requested"/> (any case) or, when empty, all rules of the resource kind.
        /// Unknown names, and rules of the other resource kind, are a clear error naming the valid ones.
        /// </summary>
        public static IReadOnlyList<string> Select(IEnumerable<string>? requested, bool endpoint)
        {
            var valid = endpoint ? Endpoint : TrainingJob;
            var names = requested?.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
            if (names is null || names.Count == 0) return valid;
            var result = new List<string>();
            foreach (var name in names)
            {
                var match = valid.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    var other = All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
                    throw new Infrastructure.MonitoringException("UnknownRule", Infrastructure.ErrorKind.InvalidArgument,
                        other != null
                            ? $"{other} is a{(endpoint ? " training-job" : "n endpoint")} rule; {(endpoint ? "endpoints" : "training jobs")} have {string.Join(", ", valid)}."
                            : $"There is no rule named '{name}'. Rules for {(endpoint ? "endpoints" : "training jobs")}: {string.Join(", ", valid)}.", name)
                    {
                        RecommendedAction = "Press Tab after -Rule to list the rules.",
                    };
                }
                if (!result.Contains(match)) result.Add(match);
            }
            return result;
        }

        public static string Describe(string rule) => Texts.TryGetValue(rule, out var t) ? t.Description : "";
        public static string Recommend(string rule) => Texts.TryGetValue(rule, out var t) ? t.Recommendation : "";
    }
}
