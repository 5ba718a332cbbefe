using System;
using System.IO;
using System.Linq;
using System.Text;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// One JSON object per line: <c>{"t":"2026-11-28T10:00:01Z","v":53.1,"ns":"/aws/sagemaker/TrainingJobs","rt":"TrainingJob",
    /// "r":"job","h":"algo-1","m":"CPUUtilization","s":"Average","u":"Percent","p":1,"d":{"Host":"job/algo-1"}}</c>.
    /// Keys whose value is unknown (h, vr, u) are left out.
    /// </summary>
    public sealed class JsonLinesRowWriter : ArchiveRowWriter
    {
        public JsonLinesRowWriter(Stream destination) : base(destination)
        {
        }

        protected override string EncodeHead(DateTime timestamp, double value) => "{\"t\":\"" + Timestamp(timestamp) + "\",\"v\":" + Number(value);

        protected override string EncodeTail(MetricSeriesDescriptor series)
        {
            var sb = new StringBuilder(256);
            Field(sb, "ns", series.Namespace);
            Field(sb, "rt", series.ResourceType.ToString());
            Field(sb, "r", series.ResourceName);
            if (series.Host != null) Field(sb, "h", series.Host);
            if (series.VariantName != null) Field(sb, "vr", series.VariantName);
            Field(sb, "m", series.MetricName);
            Field(sb, "s", series.Statistic);
            if (series.Unit != null) Field(sb, "u", series.Unit);
            sb.Append(",\"p\":").Append(series.Period);
            sb.Append(",\"d\":{");
            var first = true;
            foreach (var d in series.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                if (!first) sb.Append(',');
                first = false;
                Quote(sb, d.Key);
                sb.Append(':');
                Quote(sb, d.Value);
            }
            sb.Append("}}\n");
            return sb.ToString();
        }

        private static void Field(StringBuilder sb, string key, string value)
        {
            sb.Append(",\"").Append(key).Append("\":");
            Quote(sb, value);
        }

        internal static void Quote(StringBuilder sb, string value)
        {
            sb.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }
    }
}
