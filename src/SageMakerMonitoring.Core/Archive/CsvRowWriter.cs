using System;
using System.IO;
using System.Linq;
using System.Text;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// RFC 4180 CSV with a header row: timestamp,value,namespace,resource_type,resource,host,variant,metric,statistic,unit,period,dimensions
    /// (dimensions as a JSON object). Empty fields are unknown values.
    /// </summary>
    public sealed class CsvRowWriter : ArchiveRowWriter
    {
        public const string Header = "timestamp,value,namespace,resource_type,resource,host,variant,metric,statistic,unit,period,dimensions";

        public CsvRowWriter(Stream destination) : base(destination)
        {
            WriteRaw(Header + "\n");
        }

        protected override string EncodeHead(DateTime timestamp, double value) => Timestamp(timestamp) + "," + Number(value);

        protected override string EncodeTail(MetricSeriesDescriptor series)
        {
            var dims = new StringBuilder("{");
            var first = true;
            foreach (var d in series.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                if (!first) dims.Append(',');
                first = false;
                JsonLinesRowWriter.Quote(dims, d.Key);
                dims.Append(':');
                JsonLinesRowWriter.Quote(dims, d.Value);
            }
            dims.Append('}');
            var fields = new[]
            {
                series.Namespace, series.ResourceType.ToString(), series.ResourceName, series.Host ?? "", series.VariantName ?? "",
                series.MetricName, series.Statistic, series.Unit ?? "", series.Period.ToString(System.Globalization.CultureInfo.InvariantCulture), dims.ToString(),
            };
            return "," + string.Join(",", fields.Select(Field)) + "\n";
        }

        private static string Field(string value) =>
            value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
