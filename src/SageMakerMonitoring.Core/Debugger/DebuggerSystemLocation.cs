using System;
using System.Globalization;
using System.Text.RegularExpressions;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Debugger
{
    /// <summary>
    /// Where a training job's Debugger system data lives:
    /// <c>&lt;ProfilerConfig.S3OutputPath&gt;/&lt;job&gt;/profiler-output/system/incremental/&lt;YYYYMMDDHH&gt;/&lt;epoch&gt;.algo-N.json</c>,
    /// and which listed keys really are such files (keys come from S3 and are checked, never trusted).
    /// </summary>
    public sealed class DebuggerSystemLocation
    {
        /// <summary>AWS's default ProfilingIntervalInMilliseconds.</summary>
        public const int DefaultIntervalMilliseconds = 500;
        private static readonly int[] ValidIntervals = { 100, 200, 500, 1000, 5000, 60000 };
        private readonly Regex _keyPattern;

        public DebuggerSystemLocation(string bucket, string prefix, string jobName, int intervalMilliseconds)
        {
            Bucket = bucket;
            JobName = jobName;
            IntervalMilliseconds = intervalMilliseconds;
            var root = prefix.Trim('/');
            SystemPrefix = (root.Length == 0 ? "" : root + "/") + jobName + "/profiler-output/system/incremental/";
            _keyPattern = new Regex("^" + Regex.Escape(SystemPrefix) + @"(\d{10})/(\d{10})\.(algo-[1-9][0-9]{0,4})\.json$", RegexOptions.CultureInvariant);
        }

        public string Bucket { get; }
        public string JobName { get; }
        /// <summary>The key prefix that ends in "incremental/".</summary>
        public string SystemPrefix { get; }
        public int IntervalMilliseconds { get; }

        /// <summary>s3://bucket/prefix/job/profiler-output/system for messages and as the datapoints' namespace.</summary>
        public string Uri => "s3://" + Bucket + "/" + SystemPrefix.Substring(0, SystemPrefix.Length - "incremental/".Length).TrimEnd('/');

        /// <summary>The job's Debugger location, or null (with the reason) when the job has no system data to read.</summary>
        public static DebuggerSystemLocation? For(SageMakerJobDescription job, out string? whyNot)
        {
            whyNot = null;
            if (string.IsNullOrWhiteSpace(job.ProfilerS3OutputPath))
            {
                whyNot = $"training job '{job.Name}' has no ProfilerConfig.S3OutputPath (Debugger system monitoring was off)";
                return null;
            }
            if (job.ProfilerDisabled || string.Equals(job.ProfilingStatus, "Disabled", StringComparison.Ordinal))
            {
                whyNot = $"training job '{job.Name}' has profiling disabled (ProfilingStatus {job.ProfilingStatus ?? "Disabled"})";
                return null;
            }
            var interval = (int)(job.ProfilingIntervalInMilliseconds ?? DefaultIntervalMilliseconds);
            if (Array.IndexOf(ValidIntervals, interval) < 0)
            {
                throw new MonitoringException("ProfilingIntervalNotValid", ErrorKind.InvalidData,
                    $"Training job '{job.Name}' reports ProfilingIntervalInMilliseconds {job.ProfilingIntervalInMilliseconds}; SageMaker allows only {string.Join(", ", ValidIntervals)}.", job.Name);
            }
            var (bucket, prefix) = ParseS3Uri(job.ProfilerS3OutputPath!, job.Name);
            return new DebuggerSystemLocation(bucket, prefix, job.Name, interval);
        }

        /// <summary>s3://bucket[/prefix] → (bucket, prefix).</summary>
        public static (string Bucket, string Prefix) ParseS3Uri(string uri, string target)
        {
            const string scheme = "s3://";
            if (!uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || uri.Length <= scheme.Length)
            {
                throw new MonitoringException("ProfilerOutputPathNotValid", ErrorKind.InvalidData,
                    $"ProfilerConfig.S3OutputPath '{uri}' of '{target}' is not an s3:// URI.", uri);
            }
            var rest = uri.Substring(scheme.Length);
            var slash = rest.IndexOf('/');
            var bucket = slash < 0 ? rest : rest.Substring(0, slash);
            var prefix = slash < 0 ? "" : rest.Substring(slash + 1);
            if (bucket.Length < 3 || bucket.Length > 63 || prefix.Contains(".."))
            {
                throw new MonitoringException("ProfilerOutputPathNotValid", ErrorKind.InvalidData,
                    $"ProfilerConfig.S3OutputPath '{uri}' of '{target}' does not name a valid bucket and prefix.", uri);
            }
            return (bucket, prefix);
        }

        /// <summary>The folder of one hour: "…/incremental/2026120714/".</summary>
        public string HourPrefix(DateTime hourUtc) => SystemPrefix + hourUtc.ToString("yyyyMMddHH", CultureInfo.InvariantCulture) + "/";

        /// <summary>True when <paramref name="key"/> is a system file of this job whose minute lies in its hour folder.</summary>
        public bool TryParseKey(string key, out long minuteEpoch, out string host)
        {
            minuteEpoch = 0;
            host = "";
            var match = _keyPattern.Match(key);
            if (!match.Success) return false;
            minuteEpoch = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var folder = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(minuteEpoch).ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
            if (folder != match.Groups[1].Value) return false;
            host = match.Groups[3].Value;
            return true;
        }
    }
}
