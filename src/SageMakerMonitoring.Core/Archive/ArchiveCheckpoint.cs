using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// The JSON document at the archive's root (<c>_checkpoint.json</c>): the format, the number of the last finished
    /// commit, per series how far it is exported (and at which period and resolution), the gaps found, and the commit
    /// under way, if any. It is replaced atomically, and only after the data it describes is durable.
    /// </summary>
    public sealed class ArchiveCheckpoint
    {
        public const int CurrentVersion = 1;

        public ArchiveFormat Format { get; set; } = ArchiveFormat.JsonLines;
        /// <summary>The number of the last finished commit (0: none).</summary>
        public long Sequence { get; set; }
        public DateTime? Updated { get; set; }
        public Dictionary<string, ArchiveSeriesState> Series { get; } = new Dictionary<string, ArchiveSeriesState>(StringComparer.Ordinal);
        public List<ArchiveGap> Gaps { get; } = new List<ArchiveGap>();
        public ArchivePendingBatch? Pending { get; set; }

        public byte[] Serialize()
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    w.WriteStartObject();
                    w.WriteNumber("version", CurrentVersion);
                    w.WriteString("format", Format == ArchiveFormat.Csv ? "csv" : "jsonl");
                    w.WriteNumber("sequence", Sequence);
                    if (Updated is DateTime u) w.WriteString("updated", Iso(u));
                    w.WriteStartArray("series");
                    foreach (var s in Series.Values.OrderBy(s => s.Key, StringComparer.Ordinal))
                    {
                        w.WriteStartObject();
                        w.WriteString("ns", s.Namespace);
                        w.WriteString("metric", s.MetricName);
                        w.WriteString("stat", s.Statistic);
                        w.WriteStartObject("dims");
                        foreach (var d in s.Dimensions) w.WriteString(d.Name, d.Value);
                        w.WriteEndObject();
                        w.WriteString("type", s.ResourceType.ToString());
                        w.WriteString("resource", s.ResourceName);
                        if (s.Host != null) w.WriteString("host", s.Host);
                        if (s.VariantName != null) w.WriteString("variant", s.VariantName);
                        if (s.ExportedThrough is DateTime t) w.WriteString("through", Iso(t));
                        w.WriteNumber("period", s.Period);
                        w.WriteNumber("resolution", s.Resolution);
                        if (s.LastDatapoint is DateTime l) w.WriteString("last", Iso(l));
                        if (s.BackfillUntil is DateTime b) w.WriteString("backfillUntil", Iso(b));
                        if (s.Folder != null) w.WriteString("folder", s.Folder);
                        if (s.Region != null) w.WriteString("region", s.Region);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("gaps");
                    foreach (var g in Gaps)
                    {
                        w.WriteStartObject();
                        w.WriteString("series", g.SeriesKey);
                        w.WriteString("type", g.ResourceType.ToString());
                        w.WriteString("resource", g.ResourceName);
                        if (g.Host != null) w.WriteString("host", g.Host);
                        if (g.VariantName != null) w.WriteString("variant", g.VariantName);
                        w.WriteString("metric", g.MetricName);
                        w.WriteString("stat", g.Statistic);
                        w.WriteString("from", Iso(g.UtcStart));
                        w.WriteString("to", Iso(g.UtcEnd));
                        w.WriteNumber("lostPeriod", g.LostPeriod);
                        if (g.ExportedPeriod is int p) w.WriteNumber("exportedPeriod", p);
                        else w.WriteNull("exportedPeriod");
                        w.WriteString("recorded", Iso(g.UtcRecorded));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    if (Pending != null)
                    {
                        w.WriteStartObject("pending");
                        w.WriteNumber("sequence", Pending.Sequence);
                        w.WriteStartArray("files");
                        foreach (var f in Pending.Files) w.WriteStringValue(f);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                return stream.ToArray();
            }
        }

        /// <summary>Reads a checkpoint; a damaged or foreign document is an <c>ArchiveCheckpointInvalid</c> error.</summary>
        public static ArchiveCheckpoint Parse(byte[] content, string location)
        {
            try
            {
                using (var doc = JsonDocument.Parse(content))
                {
                    var root = doc.RootElement;
                    var version = root.GetProperty("version").GetInt32();
                    if (version != CurrentVersion) throw new FormatException($"version {version} is not supported (this module writes version {CurrentVersion})");
                    var cp = new ArchiveCheckpoint
                    {
                        Format = root.GetProperty("format").GetString() == "csv" ? ArchiveFormat.Csv : ArchiveFormat.JsonLines,
                        Sequence = root.GetProperty("sequence").GetInt64(),
                        Updated = OptionalTime(root, "updated"),
                    };
                    foreach (var e in root.GetProperty("series").EnumerateArray())
                    {
                        var dims = e.GetProperty("dims").EnumerateObject().Select(p => new MetricDimension(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new FormatException($"the dimension {p.Name} has no string value"))).ToList();
                        var folder = OptionalString(e, "folder");
                        var region = OptionalString(e, "region");
                        if (region != null && !ArchiveLayout.IsRegionName(region))
                        {
                            throw new FormatException($"the region '{Printable(region)}' of a series is not a Region name");
                        }
                        // A series under region=… has the Region in its key (and must say which Region it is).
                        var regional = folder != null && ArchiveLayout.IsRegionalFolder(folder);
                        if (regional && (region is null || !folder!.StartsWith("region=" + ArchiveLayout.PartitionValue(region) + "/", StringComparison.Ordinal)))
                        {
                            throw new FormatException($"the folder '{Printable(folder!)}' does not match the series' region '{Printable(region ?? "")}'");
                        }
                        var s = new ArchiveSeriesState(Required(e, "ns"), Required(e, "metric"), dims, Required(e, "stat"),
                            ParseType(e.GetProperty("type").GetString()), Required(e, "resource"), OptionalString(e, "host"), OptionalString(e, "variant"),
                            regional ? region : null)
                        {
                            Region = region,
                            ExportedThrough = OptionalTime(e, "through"),
                            Period = e.GetProperty("period").GetInt32(),
                            Resolution = e.GetProperty("resolution").GetInt32(),
                            LastDatapoint = OptionalTime(e, "last"),
                            BackfillUntil = OptionalTime(e, "backfillUntil"),
                            Folder = folder,
                        };
                        if (s.Folder != null && !ArchiveLayout.IsSeriesFolder(s.Folder))
                        {
                            throw new FormatException($"the folder '{Printable(s.Folder)}' of series {s.Key} is not a namespace=…/resource=… folder inside the archive");
                        }
                        cp.Series[s.Key] = s;
                    }
                    foreach (var e in root.GetProperty("gaps").EnumerateArray())
                    {
                        var exported = e.GetProperty("exportedPeriod");
                        cp.Gaps.Add(new ArchiveGap(Required(e, "series"), ParseType(e.GetProperty("type").GetString()), Required(e, "resource"),
                            OptionalString(e, "host"), OptionalString(e, "variant"), Required(e, "metric"), Required(e, "stat"),
                            Time(e.GetProperty("from")), Time(e.GetProperty("to")), e.GetProperty("lostPeriod").GetInt32(),
                            exported.ValueKind == JsonValueKind.Null ? (int?)null : exported.GetInt32(), Time(e.GetProperty("recorded"))));
                    }
                    if (root.TryGetProperty("pending", out var pending) && pending.ValueKind == JsonValueKind.Object)
                    {
                        cp.Pending = ParsePending(pending, cp.Sequence);
                    }
                    return cp;
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is KeyNotFoundException || ex is InvalidOperationException || ex is ArgumentException)
            {
                throw new MonitoringException("ArchiveCheckpointInvalid", ErrorKind.InvalidData,
                    $"The archive checkpoint {location} cannot be read: {ex.Message}.", location, ex)
                {
                    RecommendedAction = "Restore the checkpoint from a backup, or export to a new folder or prefix.",
                };
            }
        }

        /// <summary>
        /// The commit a killed run left: its files are about to be deleted, so each must be a data file of that very
        /// commit inside the archive. One bad entry rejects the whole checkpoint, before anything is deleted.
        /// </summary>
        private static ArchivePendingBatch ParsePending(JsonElement pending, long finished)
        {
            var sequence = pending.GetProperty("sequence").GetInt64();
            if (sequence <= finished) throw new FormatException($"the pending commit {sequence} is not after the last finished commit {finished}");
            var files = new List<string>();
            foreach (var f in pending.GetProperty("files").EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.String) throw new FormatException($"the pending file entry {f.GetRawText()} is not a path");
                var path = f.GetString()!;
                if (!ArchiveLayout.IsSafeDataFilePath(path) || !ArchiveLayout.IsFileOfCommit(path, sequence))
                {
                    throw new FormatException($"the pending file '{Printable(path)}' is not a data file of commit {sequence} inside the archive");
                }
                files.Add(path);
            }
            return new ArchivePendingBatch(sequence, files);
        }

        /// <summary>A value from the file as it can be shown in a message: control characters escaped, at most 200 characters.</summary>
        private static string Printable(string value)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var c in value.Length > 200 ? value.Substring(0, 200) : value)
            {
                if (c < 0x20 || c == 0x7F) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return value.Length > 200 ? sb + "…" : sb.ToString();
        }

        private static SageMakerResourceType ParseType(string? text) =>
            Enum.TryParse<SageMakerResourceType>(text, out var type) ? type : throw new FormatException($"'{text}' is not a resource type");

        private static string Required(JsonElement e, string name) =>
            e.GetProperty(name) is var p && p.ValueKind == JsonValueKind.String ? p.GetString()! : throw new FormatException($"'{name}' is not a string");

        private static string? OptionalString(JsonElement e, string name) =>
            e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

        private static DateTime? OptionalTime(JsonElement e, string name) =>
            e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? Time(p) : (DateTime?)null;

        private static DateTime Time(JsonElement e) =>
            DateTime.ParseExact(e.GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
