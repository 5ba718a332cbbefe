using System;
using System.Globalization;
using System.Security.Cryptography;
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

        /// <summary>
        /// The longest escaped partition value kept whole (characters). Longer values become a bounded prefix, '~' and a
        /// hash of the whole value, so a folder name stays far below every file system's 255-byte name limit and a
        /// partition path below Windows' 260-character path limit; the full value stays in every row.
        /// </summary>
        public const int MaxPartitionValueLength = 64;

        /// <summary>The partition folder of a namespace's data of one resource on one UTC day, '/'-separated.</summary>
        public static string PartitionPath(string metricNamespace, string resourceName, DateTime day) =>
            DayPath(SeriesFolder(metricNamespace, resourceName), day);

        /// <summary>The folder of a namespace's data of one resource (<c>namespace=…/resource=…</c>), bounded in length.</summary>
        public static string SeriesFolder(string metricNamespace, string resourceName) =>
            "namespace=" + PartitionValue(metricNamespace) + "/resource=" + PartitionValue(resourceName);

        /// <summary>The folder of a namespace's data of one resource in one Region: <c>region=…/namespace=…/resource=…</c>.</summary>
        public static string SeriesFolder(string region, string metricNamespace, string resourceName) =>
            "region=" + PartitionValue(region) + "/" + SeriesFolder(metricNamespace, resourceName);

        /// <summary>True for a Region name as the archive records it: 1-40 lower-case letters, digits and hyphens.</summary>
        public static bool IsRegionName(string? region)
        {
            if (string.IsNullOrEmpty(region) || region!.Length > 40) return false;
            foreach (var c in region)
            {
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) return false;
            }
            return true;
        }

        /// <summary>The folder the module wrote before partition values were bounded: escaped, never shortened.</summary>
        public static string LegacySeriesFolder(string metricNamespace, string resourceName) =>
            "namespace=" + Escape(metricNamespace) + "/resource=" + Escape(resourceName);

        /// <summary>The day folder under a series folder.</summary>
        public static string DayPath(string seriesFolder, DateTime day) => seriesFolder + "/date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>
        /// A partition value as a folder name: Hive-escaped, and when that is longer than
        /// <see cref="MaxPartitionValueLength"/>, its first characters (never cutting an escape) + '~' + 16 hex digits of
        /// the SHA-256 of the unescaped value.
        /// </summary>
        public static string PartitionValue(string value)
        {
            var escaped = Escape(value);
            if (escaped.Length <= MaxPartitionValueLength) return escaped;
            var keep = MaxPartitionValueLength - 17;
            if (keep >= 1 && escaped[keep - 1] == '%') keep -= 1;
            else if (keep >= 2 && escaped[keep - 2] == '%') keep -= 2;
            // A surrogate pair is never split either.
            if (keep >= 1 && char.IsHighSurrogate(escaped[keep - 1])) keep -= 1;
            return escaped.Substring(0, keep) + "~" + Hash(value);
        }

        private static string Hash(string value)
        {
            using (var sha = SHA256.Create())
            {
                var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
                var sb = new StringBuilder(16);
                for (var i = 0; i < 8; i++) sb.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }

        /// <summary>
        /// True when <paramref name="relativePath"/> (read back from a checkpoint, so untrusted) names a data file inside
        /// the archive: '/'-separated, not rooted, no empty, '.' or '..' segment, no backslash, colon or control
        /// character (NUL included), within <see cref="MaxRelativePathLength"/>, and a <c>part-…</c> data file name.
        /// </summary>
        public static bool IsSafeDataFilePath(string? relativePath) => IsSafeRelativePath(relativePath) && IsDataFile(relativePath!);

        /// <summary>True for a series folder as a checkpoint may name it: <c>namespace=…/resource=…</c>, optionally under
        /// <c>region=…/</c> (a Region name), safe.</summary>
        public static bool IsSeriesFolder(string? folder)
        {
            if (!IsSafeRelativePath(folder)) return false;
            var parts = folder!.Split('/');
            var first = 0;
            if (parts.Length == 3)
            {
                if (!parts[0].StartsWith("region=", StringComparison.Ordinal) || !IsRegionName(parts[0].Substring(7))) return false;
                first = 1;
            }
            else if (parts.Length != 2)
            {
                return false;
            }
            return parts[first].StartsWith("namespace=", StringComparison.Ordinal) && parts[first].Length > 10
                && parts[first + 1].StartsWith("resource=", StringComparison.Ordinal) && parts[first + 1].Length > 9;
        }

        /// <summary>True for a series folder under a Region partition.</summary>
        public static bool IsRegionalFolder(string folder) => folder.StartsWith("region=", StringComparison.Ordinal);

        /// <summary>True when the data file's name carries commit <paramref name="sequence"/> (see <see cref="FileName"/>).</summary>
        public static bool IsFileOfCommit(string relativePath, long sequence)
        {
            var name = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
            var tag = "-" + sequence.ToString("D8", CultureInfo.InvariantCulture);
            return name.EndsWith(tag + Extension(ArchiveFormat.JsonLines), StringComparison.Ordinal) || name.EndsWith(tag + Extension(ArchiveFormat.Csv), StringComparison.Ordinal);
        }

        /// <summary>The longest relative path the module writes or accepts from a checkpoint.</summary>
        public const int MaxRelativePathLength = 400;

        /// <summary>True for a '/'-separated relative path that stays inside the root whatever the operating system (see <see cref="IsSafeDataFilePath"/>).</summary>
        public static bool IsSafeRelativePath(string? relativePath)
        {
            if (string.IsNullOrEmpty(relativePath) || relativePath!.Length > MaxRelativePathLength) return false;
            foreach (var c in relativePath)
            {
                if (c < 0x20 || c == 0x7F || c == '\\' || c == ':') return false;
            }
            foreach (var segment in relativePath.Split('/'))
            {
                // Empty, blank, '.', '..' (and '...', which Windows reads as '..'): refused.
                if (segment.Trim().Length == 0 || segment.Trim('.').Length == 0) return false;
            }
            return true;
        }

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
