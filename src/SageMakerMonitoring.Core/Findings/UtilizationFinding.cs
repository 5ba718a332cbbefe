using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>One rule's verdict for one host (and device, where the rule looks at devices). Public members are flat
    /// for Export-Csv and ConvertTo-Json: the severity by name, the window as DateTimeOffsets at UTC, the thresholds as
    /// a map whose text is <c>Name=Value;…</c>; the core works with the internal enum, UTC times and numbers.</summary>
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
        public string? Region => Scope?.Region;
        public string? Account => Scope?.Account;
        internal ResourceScope? Scope { get; set; }
        /// <summary>False when the rule held or could not be evaluated (see <see cref="Evaluated"/>).</summary>
        public bool Triggered { get; internal set; }
        /// <summary>False when the data could not answer the rule; <see cref="Evidence"/> says why.</summary>
        public bool Evaluated { get; internal set; } = true;
        /// <summary>The severity's name (None, Info, Warning, Critical, Unknown).</summary>
        public string Severity => SeverityLevel.ToString();
        internal FindingSeverity SeverityLevel { get; set; }
        public string? Host { get; }
        public string? Device { get; }
        /// <summary>The first and last instant the rule triggered (or, when it held, the data's span), at UTC.</summary>
        public DateTimeOffset? WindowStart => OutputTime.From(UtcWindowStart);
        public DateTimeOffset? WindowEnd => OutputTime.From(UtcWindowEnd);
        internal DateTime? UtcWindowStart { get; set; }
        internal DateTime? UtcWindowEnd { get; set; }
        /// <summary>The numbers behind the verdict, e.g. "GPU p95 41.0 % < 70 % in 3 of 14 windows of 500 samples".</summary>
        public string Evidence { get; internal set; } = "";
        public string? Recommendation { get; internal set; }
        /// <summary>CloudWatch or Debugger.</summary>
        public string Source { get; internal set; } = "";
        /// <summary>The thresholds the rule used.</summary>
        public TextMap Parameters => TextMap.From(ParameterValues.Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString("R", CultureInfo.InvariantCulture))));
        internal IReadOnlyDictionary<string, double> ParameterValues { get; set; } = new Dictionary<string, double>();
        /// <summary>The main figure behind the verdict (a p95, a share, a distance), for sorting and charts.</summary>
        public double? Value { get; internal set; }

        public override string ToString() => $"{Rule} {Host}{(Device is null ? "" : "/" + Device)}: {(Evaluated ? Triggered ? "triggered" : "ok" : "not evaluated")} — {Evidence}";
    }
}
