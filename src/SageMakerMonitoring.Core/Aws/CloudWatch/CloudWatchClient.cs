using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.CloudWatch
{
    /// <summary>CloudWatch metrics over awsJson 1.0 (GraniteServiceVersion20100801, query-compatible).</summary>
    internal sealed class CloudWatchClient : JsonServiceClient, ICloudWatchClient
    {
        /// <summary>GetMetricData's most data points per call (the API's MaxDatapoints ceiling).</summary>
        internal const int MaxDatapointsPerCall = 100_800;

        private static readonly JsonOperationUnmarshaller<MetricDataPage> GetMetricDataOutput =
            new JsonOperationUnmarshaller<MetricDataPage>(ServiceDescriptor.CloudWatch, ReadMetricDataPage);
        private static readonly JsonOperationUnmarshaller<MetricStatisticsResult> GetMetricStatisticsOutput =
            new JsonOperationUnmarshaller<MetricStatisticsResult>(ServiceDescriptor.CloudWatch, ReadMetricStatistics);
        private static readonly JsonOperationUnmarshaller<MetricListPage> ListMetricsOutput =
            new JsonOperationUnmarshaller<MetricListPage>(ServiceDescriptor.CloudWatch, ReadMetricList);
        private static readonly JsonOperationUnmarshaller<bool> PutMetricDataOutput =
            new JsonOperationUnmarshaller<bool>(ServiceDescriptor.CloudWatch, EmptyOutput.Read);

        public CloudWatchClient(AWSCredentials? credentials, CloudWatchConfig config, string region, Action<AwsCallRecord>? callLogger)
            : base(credentials, config, region, callLogger)
        {
        }

        public async Task<MetricDataPage> GetMetricDataAsync(MetricDataRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            double reserved = MostDataPoints(request);
            MetricDataPage page = await InvokeJsonAsync("GetMetricData", writer =>
            {
                writer.WriteStartArray("MetricDataQueries");
                foreach (MetricDataQuery query in request.Queries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Id", query.Id);
                    writer.WriteStartObject("MetricStat");
                    writer.WritePropertyName("Metric");
                    WriteMetric(writer, query.Metric);
                    writer.WriteNumber("Period", query.Period);
                    writer.WriteString("Stat", query.Stat);
                    writer.WriteStringIfSet("Unit", query.Unit);
                    writer.WriteEndObject();
                    writer.WriteStringIfSet("Label", query.Label);
                    writer.WriteBoolean("ReturnData", true);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEpochSeconds("StartTime", request.StartTime);
                writer.WriteEpochSeconds("EndTime", request.EndTime);
                writer.WriteStringIfSet("NextToken", request.NextToken);
                writer.WriteString("ScanBy", request.ScanAscending ? "TimestampAscending" : "TimestampDescending");
                writer.WriteNumberIfSet("MaxDatapoints", request.MaxDatapoints);
            }, GetMetricDataOutput, cancellationToken, reserved).ConfigureAwait(false);
            // GetMetricData's quota counts the data points answered; they are known only now.
            int points = 0;
            foreach (MetricDataResult result in page.Results) points += result.Timestamps.Length;
            Pacing.SettleDataPoints(points, reserved);
            return page;
        }

        /// <summary>The most data points one GetMetricData answer can carry: each query's periods in the range (one more
        /// for the start rounded down to a period), capped at MaxDatapoints and at the per-call maximum.</summary>
        internal static double MostDataPoints(MetricDataRequest request)
        {
            double cap = request.MaxDatapoints is int max && max > 0 ? Math.Min(max, MaxDatapointsPerCall) : MaxDatapointsPerCall;
            double seconds = Math.Max(0, (request.EndTime - request.StartTime).TotalSeconds);
            double total = 0;
            foreach (MetricDataQuery query in request.Queries)
            {
                total += Math.Ceiling(seconds / Math.Max(1, query.Period)) + 1;
                if (total >= cap) return cap;
            }
            return total;
        }

        public Task<MetricStatisticsResult> GetMetricStatisticsAsync(MetricStatisticsRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return InvokeJsonAsync("GetMetricStatistics", writer =>
            {
                writer.WriteString("Namespace", request.Metric.Namespace);
                writer.WriteString("MetricName", request.Metric.MetricName);
                WriteDimensions(writer, request.Metric.Dimensions);
                writer.WriteEpochSeconds("StartTime", request.StartTime);
                writer.WriteEpochSeconds("EndTime", request.EndTime);
                writer.WriteNumber("Period", request.Period);
                if (request.Statistics.Count > 0)
                {
                    writer.WriteStringArray("Statistics", request.Statistics);
                }
                if (request.ExtendedStatistics.Count > 0)
                {
                    writer.WriteStringArray("ExtendedStatistics", request.ExtendedStatistics);
                }
                writer.WriteStringIfSet("Unit", request.Unit);
            }, GetMetricStatisticsOutput, cancellationToken);
        }

        public Task<MetricListPage> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return InvokeJsonAsync("ListMetrics", writer =>
            {
                writer.WriteStringIfSet("Namespace", request.Namespace);
                writer.WriteStringIfSet("MetricName", request.MetricName);
                if (request.Dimensions.Count > 0)
                {
                    writer.WriteStartArray("Dimensions");
                    foreach (KeyValuePair<string, string?> filter in request.Dimensions)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("Name", filter.Key);
                        writer.WriteStringIfSet("Value", filter.Value);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteStringIfSet("NextToken", request.NextToken);
                if (request.RecentlyActive)
                {
                    writer.WriteString("RecentlyActive", "PT3H");
                }
            }, ListMetricsOutput, cancellationToken);
        }

        public Task PutMetricDataAsync(string metricNamespace, IReadOnlyList<MetricDatum> data, CancellationToken cancellationToken)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            return InvokeJsonAsync("PutMetricData", writer =>
            {
                writer.WriteString("Namespace", metricNamespace);
                writer.WriteStartArray("MetricData");
                foreach (MetricDatum datum in data)
                {
                    writer.WriteStartObject();
                    writer.WriteString("MetricName", datum.MetricName);
                    if (datum.Dimensions.Count > 0)
                    {
                        WriteDimensions(writer, datum.Dimensions);
                    }
                    if (datum.Timestamp != default)
                    {
                        writer.WriteEpochSeconds("Timestamp", datum.Timestamp);
                    }
                    if (datum.Values.Count > 0)
                    {
                        writer.WriteStartArray("Values");
                        foreach (double value in datum.Values) writer.WriteDoubleValue(value);
                        writer.WriteEndArray();
                        if (datum.Counts.Count > 0)
                        {
                            writer.WriteStartArray("Counts");
                            foreach (double count in datum.Counts) writer.WriteDoubleValue(count);
                            writer.WriteEndArray();
                        }
                    }
                    else if (datum.Value.HasValue)
                    {
                        writer.WritePropertyName("Value");
                        writer.WriteDoubleValue(datum.Value.Value);
                    }
                    writer.WriteStringIfSet("Unit", datum.Unit);
                    writer.WriteNumber("StorageResolution", datum.StorageResolution);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }, PutMetricDataOutput, cancellationToken);
        }

        private static void WriteMetric(Utf8JsonWriter writer, MetricIdentity metric)
        {
            writer.WriteStartObject();
            writer.WriteString("Namespace", metric.Namespace);
            writer.WriteString("MetricName", metric.MetricName);
            WriteDimensions(writer, metric.Dimensions);
            writer.WriteEndObject();
        }

        private static void WriteDimensions(Utf8JsonWriter writer, IReadOnlyList<MetricDimension> dimensions)
        {
            writer.WriteStartArray("Dimensions");
            foreach (MetricDimension dimension in dimensions)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", dimension.Name);
                writer.WriteString("Value", dimension.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        internal static MetricDataPage ReadMetricDataPage(ref Utf8JsonReader reader)
        {
            var page = new MetricDataPage();
            if (!JsonOutput.StartObject(ref reader)) return page;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("MetricDataResults"))
                {
                    reader.Read();
                    page.Results = JsonOutput.ObjectList(ref reader, ReadMetricDataResult);
                }
                else if (reader.ValueTextEquals("NextToken"))
                {
                    reader.Read();
                    page.NextToken = JsonOutput.String(ref reader);
                }
                else if (reader.ValueTextEquals("Messages"))
                {
                    reader.Read();
                    page.Messages = ReadMessages(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return page;
        }

        private static MetricDataResult ReadMetricDataResult(ref Utf8JsonReader reader)
        {
            var result = new MetricDataResult();
            while (JsonOutput.NextProperty(ref reader))
            {
                // The two lists are index-aligned: whichever comes second is expected to be as long as the first.
                if (reader.ValueTextEquals("Timestamps"))
                {
                    reader.Read();
                    result.Timestamps = ReadTimestamps(ref reader, result.Values.Length);
                }
                else if (reader.ValueTextEquals("Values"))
                {
                    reader.Read();
                    result.Values = ReadValues(ref reader, result.Timestamps.Length);
                }
                else if (reader.ValueTextEquals("Id"))
                {
                    reader.Read();
                    result.Id = JsonOutput.String(ref reader) ?? "";
                }
                else if (reader.ValueTextEquals("Label"))
                {
                    reader.Read();
                    result.Label = JsonOutput.String(ref reader);
                }
                else if (reader.ValueTextEquals("StatusCode"))
                {
                    reader.Read();
                    result.StatusCode = JsonOutput.String(ref reader) ?? "Complete";
                }
                else if (reader.ValueTextEquals("Messages"))
                {
                    reader.Read();
                    result.Messages = ReadMessages(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return result;
        }

        private static DateTime[] ReadTimestamps(ref Utf8JsonReader reader, int expected)
        {
            if (!JsonOutput.IsArray(ref reader)) return Array.Empty<DateTime>();
            var buffer = new PooledArrayBuilder<DateTime>(expected);
            try
            {
                while (JsonOutput.NextElement(ref reader))
                {
                    buffer.Add(JsonOutput.EpochSeconds(ref reader));
                }
                return buffer.ToArray();
            }
            finally
            {
                buffer.Dispose();
            }
        }

        private static double[] ReadValues(ref Utf8JsonReader reader, int expected)
        {
            if (!JsonOutput.IsArray(ref reader)) return Array.Empty<double>();
            var buffer = new PooledArrayBuilder<double>(expected);
            try
            {
                while (JsonOutput.NextElement(ref reader))
                {
                    buffer.Add(JsonOutput.Double(ref reader));
                }
                return buffer.ToArray();
            }
            finally
            {
                buffer.Dispose();
            }
        }

        /// <summary>MessageData list → "Code: Value" strings.</summary>
        private static IReadOnlyList<string> ReadMessages(ref Utf8JsonReader reader) => JsonOutput.ObjectList(ref reader, ReadMessage);

        private static string ReadMessage(ref Utf8JsonReader reader)
        {
            string? code = null;
            string? value = null;
            while (JsonOutput.NextProperty(ref reader))
            {
                bool isCode = reader.ValueTextEquals("Code");
                bool isValue = reader.ValueTextEquals("Value");
                reader.Read();
                if (isCode) code = JsonOutput.String(ref reader);
                else if (isValue) value = JsonOutput.String(ref reader);
                else reader.Skip();
            }
            return code == null ? value ?? "" : value == null ? code : code + ": " + value;
        }

        internal static MetricStatisticsResult ReadMetricStatistics(ref Utf8JsonReader reader)
        {
            var result = new MetricStatisticsResult();
            if (!JsonOutput.StartObject(ref reader)) return result;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("Label"))
                {
                    reader.Read();
                    result.Label = JsonOutput.String(ref reader);
                }
                else if (reader.ValueTextEquals("Datapoints"))
                {
                    reader.Read();
                    result.Datapoints = JsonOutput.ObjectList(ref reader, ReadDatapoint);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return result;
        }

        private static StatisticsDatapoint ReadDatapoint(ref Utf8JsonReader reader)
        {
            var point = new StatisticsDatapoint();
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("Timestamp")) { reader.Read(); point.Timestamp = JsonOutput.EpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("SampleCount")) { reader.Read(); point.SampleCount = JsonOutput.NullableDouble(ref reader); }
                else if (reader.ValueTextEquals("Average")) { reader.Read(); point.Average = JsonOutput.NullableDouble(ref reader); }
                else if (reader.ValueTextEquals("Sum")) { reader.Read(); point.Sum = JsonOutput.NullableDouble(ref reader); }
                else if (reader.ValueTextEquals("Minimum")) { reader.Read(); point.Minimum = JsonOutput.NullableDouble(ref reader); }
                else if (reader.ValueTextEquals("Maximum")) { reader.Read(); point.Maximum = JsonOutput.NullableDouble(ref reader); }
                else if (reader.ValueTextEquals("Unit")) { reader.Read(); point.Unit = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("ExtendedStatistics"))
                {
                    reader.Read();
                    var map = new Dictionary<string, double>(StringComparer.Ordinal);
                    if (JsonOutput.IsObject(ref reader))
                    {
                        while (JsonOutput.NextProperty(ref reader))
                        {
                            string key = reader.GetString()!;
                            reader.Read();
                            map[key] = JsonOutput.Double(ref reader);
                        }
                    }
                    point.ExtendedStatistics = map;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return point;
        }

        internal static MetricListPage ReadMetricList(ref Utf8JsonReader reader)
        {
            var items = JsonOutput.ListPage(ref reader, "Metrics", "NextToken", ReadMetric, out var nextToken);
            return new MetricListPage { Metrics = items, NextToken = nextToken };
        }

        private static MetricIdentity ReadMetric(ref Utf8JsonReader reader)
        {
            string metricNamespace = "";
            string metricName = "";
            var dimensions = new List<MetricDimension>();
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("Namespace")) { reader.Read(); metricNamespace = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("MetricName")) { reader.Read(); metricName = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("Dimensions"))
                {
                    reader.Read();
                    dimensions = JsonOutput.ObjectList(ref reader, ReadDimension);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return new MetricIdentity(metricNamespace, metricName, dimensions);
        }

        private static MetricDimension ReadDimension(ref Utf8JsonReader reader)
        {
            var pair = JsonOutput.StringPair(ref reader, "Name", "Value");
            return new MetricDimension(pair.Key, pair.Value);
        }
    }
}
