using System;
using System.Collections.Generic;
using System.Globalization;

namespace SageMakerMonitoring.Core.Aws.Pacing
{
    /// <summary>
    /// AWS's default request quotas per account and Region for the calls the module makes (CloudWatch and CloudWatch
    /// Logs user guides' quota tables), and the rule that turns pacing on: against AWS endpoints always; against a custom
    /// endpoint (an emulator, a proxy) only when asked. The environment variable SAGEMAKER_MONITORING_QUOTAS overrides:
    /// "off", "aws" (AWS's defaults even against a custom endpoint), or a comma-separated list of
    /// "signingName.Operation=tps" (e.g. "monitoring.GetMetricData=1000,logs.FilterLogEvents=25") and
    /// "monitoring.GetMetricData.points=360000" for accounts with raised quotas.
    /// </summary>
    public sealed class ServiceQuotas
    {
        public const string EnvironmentVariable = "SAGEMAKER_MONITORING_QUOTAS";

        private static readonly HashSet<string> FiveTpsFilterRegions = new HashSet<string>(StringComparer.Ordinal)
        { "ap-northeast-3", "ap-southeast-3", "ca-west-1", "eu-central-1", "il-central-1" };

        private static readonly HashSet<string> TenTpsGetLogEventsRegions = new HashSet<string>(StringComparer.Ordinal)
        { "us-west-2", "ap-northeast-3", "ap-southeast-3", "ca-west-1", "eu-central-1", "eu-west-1", "il-central-1" };

        private readonly Dictionary<string, double> _overrides = new Dictionary<string, double>(StringComparer.Ordinal);

        private ServiceQuotas(bool enabled) => Enabled = enabled;

        /// <summary>Whether calls are paced at all.</summary>
        public bool Enabled { get; }

        /// <summary>The quotas in force for a client: <paramref name="customEndpoint"/> is true when the endpoint is not AWS's.</summary>
        public static ServiceQuotas Resolve(bool customEndpoint, string? setting)
        {
            var text = (setting ?? "").Trim();
            if (text.Equals("off", StringComparison.OrdinalIgnoreCase)) return new ServiceQuotas(false);
            if (text.Length == 0) return new ServiceQuotas(!customEndpoint);
            var quotas = new ServiceQuotas(true);
            foreach (var part in text.Split(','))
            {
                var item = part.Trim();
                if (item.Length == 0 || item.Equals("aws", StringComparison.OrdinalIgnoreCase)) continue;
                var eq = item.IndexOf('=');
                if (eq <= 0 || !double.TryParse(item.Substring(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0))
                    throw new FormatException($"{EnvironmentVariable}: '{item}' is not 'service.Operation=rate' (e.g. monitoring.GetMetricData=1000).");
                quotas._overrides[item.Substring(0, eq).Trim()] = value;
            }
            return quotas;
        }

        /// <summary>Requests per second for one operation, or null when the module knows no quota for it.</summary>
        public double? RequestsPerSecond(string signingName, string operation, string region)
        {
            if (_overrides.TryGetValue(signingName + "." + operation, out var set)) return set;
            switch (signingName + "." + operation)
            {
                case "monitoring.GetMetricData": return 500;
                case "monitoring.GetMetricStatistics": return 400;
                case "monitoring.ListMetrics": return 25;
                case "monitoring.PutMetricData": return 500;
                case "logs.FilterLogEvents":
                    return region == "us-east-1" ? 25 : FiveTpsFilterRegions.Contains(region) ? 5 : 10;
                case "logs.GetLogEvents":
                    return region == "eu-west-3" ? 30 : TenTpsGetLogEventsRegions.Contains(region) ? 10 : 25;
                case "logs.DescribeLogStreams": return 25;
                case "logs.DescribeLogGroups": return 10;
                case "logs.StartQuery": return 10;
                case "logs.GetQueryResults": return 10;
                case "logs.StopQuery": return 10;
                case "events.PutRule":
                case "events.PutTargets":
                case "events.RemoveTargets":
                case "events.DeleteRule":
                case "events.ListRules":
                case "events.ListTargetsByRule":
                case "events.DescribeRule":
                case "events.EnableRule":
                case "events.DisableRule":
                case "events.TestEventPattern":
                    return 50;
                default: return null;
            }
        }

        /// <summary>GetMetricData data points per second: 180,000 for data under 3 hours old, 396,000 older
        /// (the module paces on the stricter figure unless overridden).</summary>
        public double GetMetricDataPointsPerSecond =>
            _overrides.TryGetValue("monitoring.GetMetricData.points", out var set) ? set : 180_000;
    }
}
