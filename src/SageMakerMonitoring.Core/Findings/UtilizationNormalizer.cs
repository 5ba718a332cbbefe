using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// CloudWatch's training and endpoint instance metrics sum GPUUtilization and GPUMemoryUtilization over the host's
    /// GPUs (0–100 × GPUs) and CPUUtilization over its vCPUs; MemoryUtilization and DiskUtilization are 0–100 already.
    /// Dividing by the device count gives one device's average 0–100 %.
    /// </summary>
    public static class UtilizationNormalizer
    {
        /// <summary>How many devices CloudWatch summed for <paramref name="metricName"/>; null when the instance type is unknown.</summary>
        public static int? DeviceCount(string metricName, InstanceTypeInfo? instance)
        {
            switch (metricName)
            {
                case "GPUUtilization":
                case "GPUMemoryUtilization":
                    return instance?.Gpus;
                case "CPUUtilization":
                    return instance?.VCpus;
                default:
                    return 1;
            }
        }

        /// <summary>The per-device value, or null when it cannot be known (unknown type, or a GPU metric on a host without GPUs).</summary>
        public static double? PerDevice(string metricName, double value, InstanceTypeInfo? instance)
        {
            var count = DeviceCount(metricName, instance);
            if (count is null || count.Value <= 0) return null;
            return value / count.Value;
        }
    }
}
