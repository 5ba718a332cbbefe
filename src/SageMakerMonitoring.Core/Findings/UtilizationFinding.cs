using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>One rule's verdict for one host (and device, where the rule looks at devices).</summary>
    public sealed class UtilizationFinding
    {
        public UtilizationFinding(string rule, string resourceName, string? host, string? device)
        {
            Rule = rule;
            ResourceName = resourceName;
            Host = host;
            Device = device;
        }

        public string Rule { get; }
        public string ResourceName { get; }
        /// <summary>False when the rule held or could not be evaluated (see <see cref="Evaluated"/>).</summary>
        public bool Triggered { get; internal set; }
        /// <summary>False when the data could not answer the rule; <see cref="Evidence"/> says why.</summary>
        public bool Evaluated { get; internal set; } = true;
        public FindingSeverity Severity { get; internal set; }
        public string? Host { get; }
        public string? Device { get; }
        public DateTime? WindowStart { get; internal set; }
        public DateTime? WindowEnd { get; internal set; }
        /// <summary>The numbers behind the verdict, e.g. "GPU p95 41.0 % < 70 % in 3 of 14 windows of 500 samples".</summary>
        public string Evidence { get; internal set; } = "";
        public string? Recommendation { get; internal set; }
        /// <summary>CloudWatch or Debugger.</summary>
        public string Source { get; internal set; } = "";
        /// <summary>The thresholds the rule used.</summary>
        public IReadOnlyDictionary<string, double> Parameters { get; internal set; } = new Dictionary<string, double>();
        /// <summary>The main figure behind the verdict (a p95, a share, a distance), for sorting and charts.</summary>
        public double? Value { get; internal set; }

        public override string ToString() => $"{Rule} {Host}{(Device is null ? "" : "/" + Device)}: {(Evaluated ? Triggered ? "triggered" : "ok" : "not evaluated")} — {Evidence}";
    }
}
