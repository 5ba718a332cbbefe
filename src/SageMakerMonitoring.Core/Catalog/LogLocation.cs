using System;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// Where a resource's logs are: one log group and, usually, a stream-name prefix. When
    /// <see cref="PrefixIsWholeSegment"/> is set the prefix is a complete path segment that may be the whole stream
    /// name (a labeling job's stream is just its name), so <c>job-1</c> must not select <c>job-10</c>; the service's
    /// prefix match alone cannot say that, <see cref="Matches"/> can.
    /// </summary>
    public sealed record LogLocation(string LogGroupName, string? LogStreamNamePrefix, LogStreamLayout Layout, bool PrefixIsWholeSegment = false)
    {
        /// <summary>True when the service-side <c>logStreamNamePrefix</c> selects exactly this resource's streams.</summary>
        public bool PrefixIsExact => LogStreamNamePrefix is null || !PrefixIsWholeSegment;

        /// <summary>Whether <paramref name="logStreamName"/> belongs to this location.</summary>
        public bool Matches(string logStreamName)
        {
            if (logStreamName is null) throw new ArgumentNullException(nameof(logStreamName));
            var prefix = LogStreamNamePrefix;
            if (prefix is null) return true;
            if (!logStreamName.StartsWith(prefix, StringComparison.Ordinal)) return false;
            if (!PrefixIsWholeSegment) return true;
            return logStreamName.Length == prefix.Length || logStreamName[prefix.Length] == '/';
        }

        public override string ToString() => LogStreamNamePrefix is null ? LogGroupName : $"{LogGroupName} (streams '{LogStreamNamePrefix}*')";
    }
}
