using System;
using System.Globalization;
using System.Text;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// Where things live in an archive: Hive-style partitions <c>namespace=…/resource=…/date=YYYY-MM-DD/</c> holding
    /// data files <c>part-&lt;first timestamp&gt;-&lt;commit sequence&gt;.jsonl.gz</c>, and at the root the checkpoint and
    /// the lock. Names starting with '_' or '.' are skipped by Hive, Spark and Athena, so the bookkeeping and temporary
    /// files never read as data.
    /// </summary>
    public static class ArchiveLayout
    {
        public const string CheckpointName = "_checkpoint.json";
        public const string LockName = "_export.lock";

        /// <summary>The partition folder of a namespace's data of one resource on one UTC day, '/'-separated.</summary>
        public static string PartitionPath(string metricNamespace, string resourceName, DateTime day) =>
            "namespace=" + Escape(metricNamespace) + "/resource=" + Escape(resourceName) + "/date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>A data file name: deterministic from the first timestamp it may hold and the commit that writes it.</summary>
        public static string FileName(DateTime dataStart, long sequence, ArchiveFormat format) =>
            "part-" + dataStart.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + sequence.ToString("D8", CultureInfo.InvariantCulture) + Extension(format);

        public static string Extension(ArchiveFormat format) => format == ArchiveFormat.Csv ? ".csv.gz" : ".jsonl.gz";

        /// <summary>True for a data file name (not the checkpoint, lock or a temporary file).</summary>
        public static bool IsDataFile(string relativePath)
        {
            var name = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
            return name.StartsWith("part-", StringComparison.Ordinal) && (name.EndsWith(".jsonl.gz", StringComparison.Ordinal) || name.EndsWith(".csv.gz", StringComparison.Ordinal));
        }

        /// <summary>The temporary name a local file is written under before it is renamed into place.</summary>
        public static string TemporaryName(string fileName) => "." + fileName + ".tmp";

        /// <summary>
        /// Hive's partition-value escaping (as Hive's FileUtils.escapePathName and Spark do): '/', '=', ':', '%', quotes,
        /// wildcards, brackets, backslash, control characters, and the characters Windows forbids in names become %XX.
        /// SageMaker resource names need none of it; namespaces such as /aws/sagemaker/TrainingJobs do.
        /// </summary>
        public static string Escape(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            foreach (var c in value)
            {
                if (c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^<>|".IndexOf(c) >= 0)
                {
                    sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }

        /// <summary>Reverses <see cref="Escape"/>.</summary>
        public static string Unescape(string value)
        {
            if (value.IndexOf('%') < 0) return value;
            var sb = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '%' && i + 2 < value.Length
                    && int.TryParse(value.Substring(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    sb.Append((char)code);
                    i += 2;
                }
                else
                {
                    sb.Append(value[i]);
                }
            }
            return sb.ToString();
        }
    }
}
