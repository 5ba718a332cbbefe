using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics.Publishing;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Publishes datapoints to CloudWatch with PutMetricData, batched to the service's limits (1,000 metric data and 1 MB
    /// per call, gzip-compressed bodies), with the dimensions SageMaker's own metrics use. A datapoint CloudWatch would
    /// refuse is a non-terminating error naming it; the rest are still published.
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "SageMakerMetric", DefaultParameterSetName = ObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MetricWriteSummary))]
    public sealed class WriteSageMakerMetricCommand : SageMakerMonitoringCmdlet
    {
        private const string ObjectSet = "InputObject";
        private const string ValueSet = "Value";

        private PutMetricDataBatcher? _batcher;
        private bool _resourceKnown = true;
        private ICloudWatchClient? _cloudWatch;
        private int _sent;
        private int _requests;
        private int _refused;
        private int _failed;

        /// <summary>Objects with MetricName, Value and optionally Timestamp, Unit, Dimensions, or a resource
        /// (ResourceType + ResourceName, TrainingJobName, EndpointName) with Host / VariantName — e.g. what
        /// Get-SageMakerMetric writes.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>The CloudWatch namespace to publish to (a custom one: it must not start with AWS/).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Namespace { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = ValueSet, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? MetricName { get; set; }

        /// <summary>One or more values, all at -Timestamp.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ValueSet, Position = 2)]
        [ValidateNotNullOrEmpty]
        public double[]? Value { get; set; }

        /// <summary>When the values were observed. Default: now.</summary>
        [Parameter(ParameterSetName = ValueSet)]
        [Binding.UtcDateTime]
        public DateTime? Timestamp { get; set; }

        [Parameter(ParameterSetName = ValueSet)]
        [ArgumentCompleter(typeof(Completers.MetricUnitCompleter))]
        public string? Unit { get; set; }

        /// <summary>Training, processing or transform job whose Host dimension the values get (with -HostName).</summary>
        [Parameter(ParameterSetName = ValueSet)]
        [ValidateNotNullOrEmpty]
        public string? TrainingJobName { get; set; }

        [Parameter(ParameterSetName = ValueSet)]
        [ValidateNotNullOrEmpty]
        public string? EndpointName { get; set; }

        /// <summary>The host (algo-1) for a job; the Host dimension becomes job-name/algo-1.</summary>
        [Parameter(ParameterSetName = ValueSet)]
        [Alias("Host")]
        [ValidateNotNullOrEmpty]
        public string? HostName { get; set; }

        [Parameter(ParameterSetName = ValueSet)]
        [ValidateNotNullOrEmpty]
        public string? VariantName { get; set; }

        /// <summary>Dimensions as a hashtable (@{ Host = 'job/algo-1' }); with piped objects they replace the objects' own.</summary>
        [Parameter]
        public Hashtable? Dimension { get; set; }

        /// <summary>1 (high resolution, sub-minute) or 60 (standard). Default 60.</summary>
        [Parameter]
        [ValidateSet("1", "60")]
        public int StorageResolution { get; set; } = 60;

        /// <summary>Writes a summary (datapoints sent, calls, refused) when done.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            var nsError = MetricDatumRules.CheckNamespace(Namespace);
            if (nsError != null) ThrowTerminatingError(ErrorRecordFactory.Create(nsError, Namespace));
            _batcher = new PutMetricDataBatcher();
            _cloudWatch = Clients.CreateCloudWatch();
            if (ParameterSetName == ValueSet && (TrainingJobName ?? EndpointName) is string name)
            {
                // A named job or endpoint must exist, as in every cmdlet that takes one: a typo would otherwise publish
                // under dimensions nothing reads. Not found is a non-terminating <Kind>NotFound and nothing is sent.
                var resource = TrainingJobName != null
                    ? SageMakerResource.Create(SageMakerResourceType.TrainingJob, name)
                    : SageMakerResource.Create(SageMakerResourceType.Endpoint, name, VariantName);
                var resolver = new SageMakerResourceResolver(Clients.CreateSageMaker());
                _resourceKnown = Run(async (output, ct) =>
                {
                    await resolver.DescribeAsync(resource, ct).ConfigureAwait(false);
                    return true;
                }, name);
            }
        }

        protected override void ProcessRecord()
        {
            if (!_resourceKnown) return;
            foreach (var datum in ReadData())
            {
                if (datum is null) continue;
                var error = MetricDatumRules.Check(datum, DateTime.UtcNow);
                if (error != null)
                {
                    _refused++;
                    WriteError(ErrorRecordFactory.Create(error, datum));
                    continue;
                }
                var full = _batcher!.Add(datum);
                if (full != null) Send(full);
            }
        }

        protected override void EndProcessing()
        {
            if (_batcher != null)
            {
                foreach (var batch in _batcher.Flush()) Send(batch);
            }
            if (PassThru) WriteObject(new MetricWriteSummary(Namespace, _sent, _requests, _refused, _failed));
        }

        private void Send(MetricWriteBatch batch)
        {
            if (!ShouldProcess(batch.Namespace, "PutMetricData: " + batch.Points + " datapoint(s) in " + batch.Data.Count + " metric datum(s)")) return;
            var client = _cloudWatch!;
            var failed = Run(async (output, ct) =>
            {
                try
                {
                    await client.PutMetricDataAsync(batch.Namespace, batch.Data, ct).ConfigureAwait(false);
                    return false;
                }
                catch (AwsServiceException ex)
                {
                    output.WriteError(ErrorRecordFactory.Create(ex, batch));
                    return true;
                }
            }, batch);
            _requests++;
            if (failed) _failed += batch.Points;
            else _sent += batch.Points;
        }

        private IEnumerable<MetricWriteDatum?> ReadData()
        {
            if (ParameterSetName == ValueSet)
            {
                var (type, name) = TrainingJobName != null ? (SageMakerResourceType.TrainingJob, TrainingJobName)
                    : EndpointName != null ? (SageMakerResourceType.Endpoint, EndpointName) : ((SageMakerResourceType?)null, (string?)null);
                var dims = Dimensions(type, name, HostName, VariantName, Dimension);
                if (dims is null) yield break;
                var when = Timestamp.HasValue ? UtcTime.ToUtc(Timestamp.Value) : DateTime.UtcNow;
                foreach (var v in Value!) yield return new MetricWriteDatum(Namespace, MetricName!, dims, when, v, Unit, StorageResolution);
                yield break;
            }

            var o = InputObject;
            if (o is null) yield break;
            var metricName = Text(o, "MetricName");
            var valueObject = Member(o, "Value");
            if (string.IsNullOrEmpty(metricName) || valueObject is null || !TryDouble(valueObject, out var value))
            {
                _refused++;
                WriteError(ErrorRecordFactory.Create(new MonitoringException("InvalidMetricInput", ErrorKind.InvalidArgument,
                    "A piped object needs a MetricName and a numeric Value to be published: " + Describe(o) + ".", o.BaseObject)
                { RecommendedAction = "Pipe datapoints (Get-SageMakerMetric) or objects with MetricName, Value, Timestamp and Unit." }, o.BaseObject));
                yield break;
            }

            DateTime timestamp = DateTime.UtcNow;
            var ts = Member(o, "Timestamp");
            if (ts != null && !TryTime(ts, out timestamp))
            {
                _refused++;
                WriteError(ErrorRecordFactory.Create(new MonitoringException("InvalidMetricInput", ErrorKind.InvalidArgument,
                    "The Timestamp '" + ts + "' of " + metricName + " is not a date and time.", ts), ts));
                yield break;
            }

            SageMakerResourceType? resourceType = null;
            string? resourceName = Text(o, "ResourceName");
            if (Member(o, "ResourceType") is object rt && Enum.TryParse<SageMakerResourceType>(rt.ToString(), true, out var parsedType)) resourceType = parsedType;
            if (resourceName is null && Text(o, "TrainingJobName") is string job) { resourceType = SageMakerResourceType.TrainingJob; resourceName = job; }
            if (resourceName is null && Text(o, "EndpointName") is string endpoint) { resourceType = SageMakerResourceType.Endpoint; resourceName = endpoint; }

            IDictionary? explicitDims = Dimension ?? (Member(o, "DimensionMap") as IDictionary) ?? (Member(o, "Dimensions") as IDictionary);
            var dimensions = Dimensions(explicitDims is null ? resourceType : null, resourceName, Text(o, "Host"), Text(o, "VariantName"), explicitDims);
            if (dimensions is null) yield break;
            yield return new MetricWriteDatum(Namespace, metricName!, dimensions, timestamp, value, Text(o, "Unit"), StorageResolution);
        }

        private IReadOnlyList<MetricDimension>? Dimensions(SageMakerResourceType? type, string? name, string? host, string? variant, IDictionary? dims)
        {
            List<KeyValuePair<string, string?>>? pairs = null;
            if (dims != null)
            {
                pairs = new List<KeyValuePair<string, string?>>();
                foreach (DictionaryEntry e in dims) pairs.Add(new KeyValuePair<string, string?>(e.Key?.ToString() ?? "", ToText(e.Value)));
            }
            try
            {
                return MetricWriteDimensions.For(type, name, host, variant, pairs);
            }
            catch (MonitoringException ex)
            {
                _refused++;
                WriteError(ErrorRecordFactory.Create(ex, dims));
                return null;
            }
        }

        private static object? Member(PSObject o, string name)
        {
            var value = o.Properties[name]?.Value;
            return value is PSObject p ? p.BaseObject : value;
        }

        private static string? Text(PSObject o, string name) => ToText(Member(o, name));

        private static string? ToText(object? value)
        {
            if (value is PSObject p) value = p.BaseObject;
            var s = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
            return string.IsNullOrEmpty(s) ? null : s;
        }

        private static bool TryDouble(object value, out double result)
        {
            switch (value)
            {
                case double d: result = d; return true;
                case IConvertible c when !(value is string) && !(value is bool) && !(value is DateTime):
                    try { result = c.ToDouble(CultureInfo.InvariantCulture); return true; } catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException) { }
                    break;
                case string s:
                    return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
            }
            result = 0;
            return false;
        }

        private static bool TryTime(object value, out DateTime result)
        {
            switch (value)
            {
                case DateTime dt: result = UtcTime.ToUtc(dt); return true;
                case DateTimeOffset dto: result = dto.UtcDateTime; return true;
                case string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed):
                    result = parsed.UtcDateTime; return true;
            }
            result = default;
            return false;
        }

        private static string Describe(PSObject o)
        {
            var text = o.ToString();
            return text.Length > 200 ? text.Substring(0, 200) + "…" : text;
        }
    }
}
