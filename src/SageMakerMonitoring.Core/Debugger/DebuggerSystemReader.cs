using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Debugger
{
    /// <summary>
    /// Reads a training job's Debugger system files from S3 hour folder by hour folder, a file at a time (the next
    /// file is fetched while the current one is parsed), and hands each file's points on as one array of the same
    /// <see cref="MetricDatapoint"/>s the CloudWatch source yields, with <see cref="MetricDatapoint.Device"/> set and
    /// the job's interval as the period. Only one hour's key list and two files are ever held.
    /// </summary>
    public sealed class DebuggerSystemReader
    {
        public const string Statistic = "Sample";
        private readonly IObjectStoreClient _s3;
        private readonly IOperationReporter _reporter;
        private readonly Dictionary<(string Host, string Metric, string? Device), MetricSeriesDescriptor> _series =
            new Dictionary<(string, string, string?), MetricSeriesDescriptor>();

        public DebuggerSystemReader(IObjectStoreClient s3, IOperationReporter? reporter = null)
        {
            _s3 = s3;
            _reporter = reporter ?? NullOperationReporter.Instance;
        }

        public DebuggerSystemLineParser Parser { get; } = new DebuggerSystemLineParser();
        public int FilesRead { get; private set; }
        public int KeysIgnored { get; private set; }

        /// <summary>
        /// Points with <paramref name="start"/> ≤ timestamp &lt; <paramref name="end"/>, a file at a time, files in time order
        /// (then host). <paramref name="metricNames"/> null or empty: every metric.
        /// </summary>
        public async IAsyncEnumerable<MetricDatapoint[]> ReadAsync(DebuggerSystemLocation location, DateTime start, DateTime end,
            IReadOnlyCollection<string>? metricNames, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            start = UtcTime(start);
            end = UtcTime(end);
            var wanted = metricNames is { Count: > 0 } ? new HashSet<string>(metricNames, StringComparer.OrdinalIgnoreCase) : null;
            var startEpoch = ToEpoch(start);
            var endEpoch = ToEpoch(end);
            var hour = new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0, DateTimeKind.Utc);
            var hours = Math.Max(1, (int)Math.Ceiling((end - hour).TotalHours));
            var points = new List<MetricDatapoint>(4096);
            for (var h = 0; hour < end; hour = hour.AddHours(1), h++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _reporter.Progress(new ProgressInfo("Reading Debugger system data", $"{location.HourPrefix(hour)} (hour {h + 1} of {hours})", h * 100 / hours));
                var files = await ListHourAsync(location, hour, startEpoch, endEpoch, cancellationToken).ConfigureAwait(false);
                Task<byte[]?>? next = files.Count > 0 ? _s3.GetObjectAsync(location.Bucket, files[0].Key, cancellationToken) : null;
                for (var i = 0; i < files.Count; i++)
                {
                    var data = await next!.ConfigureAwait(false);
                    next = i + 1 < files.Count ? _s3.GetObjectAsync(location.Bucket, files[i + 1].Key, cancellationToken) : null;
                    if (data is null) continue; // deleted between the listing and the read
                    FilesRead++;
                    points.Clear();
                    Parser.ParseFile(data, record =>
                    {
                        if (record.Timestamp < startEpoch || record.Timestamp >= endEpoch) return;
                        if (wanted != null && !wanted.Contains(record.MetricName)) return;
                        points.Add(new MetricDatapoint(Describe(location, record), FromEpoch(record.Timestamp), record.Value));
                    });
                    if (points.Count > 0) yield return points.ToArray();
                }
            }
            _reporter.Progress(new ProgressInfo("Reading Debugger system data", "Done", 100, Completed: true));
            _reporter.Verbose($"{location.Uri}: {FilesRead} files, lines: {Parser}; {KeysIgnored} keys that are not system files ignored.");
            if (Parser.Invalid > 0)
            {
                _reporter.Warning($"{Parser.Invalid} lines of Debugger system data under {location.Uri} were not valid and were skipped.");
            }
        }

        private async Task<List<(long Epoch, string Host, string Key)>> ListHourAsync(DebuggerSystemLocation location, DateTime hour, double startEpoch, double endEpoch,
            CancellationToken cancellationToken)
        {
            var files = new List<(long Epoch, string Host, string Key)>();
            string? token = null;
            var prefix = location.HourPrefix(hour);
            do
            {
                var page = await _s3.ListObjectsAsync(location.Bucket, prefix, token, cancellationToken).ConfigureAwait(false);
                foreach (var o in page.Objects)
                {
                    if (!location.TryParseKey(o.Key, out var minute, out var host))
                    {
                        KeysIgnored++;
                        continue;
                    }
                    // A file holds the minute its name gives; skip minutes wholly outside the range.
                    if (minute + 60 <= startEpoch || minute >= endEpoch) continue;
                    files.Add((minute, host, o.Key));
                }
                token = page.NextContinuationToken;
            }
            while (!string.IsNullOrEmpty(token));
            files.Sort((a, b) => a.Epoch != b.Epoch ? a.Epoch.CompareTo(b.Epoch) : HostOrder(a.Host, b.Host));
            return files;
        }

        private static int HostOrder(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

        private MetricSeriesDescriptor Describe(DebuggerSystemLocation location, DebuggerSystemRecord record)
        {
            var key = (record.Host, record.MetricName, record.Device);
            if (_series.TryGetValue(key, out var descriptor)) return descriptor;
            var dimensions = new List<MetricDimension> { new MetricDimension(MetricCatalog.HostDimension, location.JobName + "/" + record.Host) };
            if (record.Device != null) dimensions.Add(new MetricDimension("Device", record.Device));
            var definition = MetricCatalog.FindInNamespace("/aws/sagemaker/TrainingJobs", record.MetricName);
            var info = new MetricInfo(new MetricIdentity(location.Uri, record.MetricName, dimensions), SageMakerResourceType.TrainingJob, location.JobName,
                record.Host, null, definition);
            descriptor = new MetricSeriesDescriptor(info, Statistic, Math.Max(1, location.IntervalMilliseconds / 1000))
            {
                Device = record.Device,
                IntervalMilliseconds = location.IntervalMilliseconds,
            };
            _series[key] = descriptor;
            return descriptor;
        }

        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private static DateTime UtcTime(DateTime t) => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);

        internal static double ToEpoch(DateTime utc) => (utc - Epoch).TotalSeconds;

        /// <summary>Epoch seconds → UTC, rounded to the millisecond.</summary>
        internal static DateTime FromEpoch(double epoch) => Epoch.AddTicks((long)Math.Round(epoch * 1000) * TimeSpan.TicksPerMillisecond);
    }
}
