using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Debugger
{
    /// <summary>
    /// Parses Debugger system-monitor files (one JSON object per line). The files come from S3 and are untrusted: every
    /// member is checked (type, device name, node id, finite value within 0–100, timestamp within 2000–2100); unknown
    /// types and dimensions are skipped; a last line without its newline that does not parse is a file still being
    /// written and is skipped as truncated.
    /// </summary>
    public sealed class DebuggerSystemLineParser
    {
        private const double MinTimestamp = 946684800;  // 2000-01-01
        private const double MaxTimestamp = 4102444800; // 2100-01-01
        private readonly Dictionary<string, string> _strings = new Dictionary<string, string>(StringComparer.Ordinal);

        public long Accepted { get; private set; }
        public long UnknownType { get; private set; }
        public long Invalid { get; private set; }
        public long Truncated { get; private set; }

        /// <summary>Parses a whole file, handing each accepted record to <paramref name="accept"/>.</summary>
        public void ParseFile(ReadOnlySpan<byte> data, Action<DebuggerSystemRecord> accept)
        {
            var offset = 0;
            while (offset < data.Length)
            {
                var rest = data.Slice(offset);
                var newline = rest.IndexOf((byte)'\n');
                var isLast = newline < 0;
                var line = isLast ? rest : rest.Slice(0, newline);
                offset += isLast ? rest.Length : newline + 1;
                var outcome = ParseLine(line, out var record);
                switch (outcome)
                {
                    case DebuggerLineOutcome.Accepted: Accepted++; accept(record); break;
                    case DebuggerLineOutcome.UnknownType: UnknownType++; break;
                    case DebuggerLineOutcome.Invalid:
                        if (isLast) Truncated++;
                        else Invalid++;
                        break;
                }
            }
        }

        /// <summary>Parses one line (without its newline).</summary>
        public DebuggerLineOutcome ParseLine(ReadOnlySpan<byte> line, out DebuggerSystemRecord record)
        {
            record = default;
            line = Trim(line);
            if (line.IsEmpty) return DebuggerLineOutcome.Empty;
            string? type = null, name = null, dimension = null, node = null;
            double? value = null, timestamp = null;
            try
            {
                var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return DebuggerLineOutcome.Invalid;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("Type")) type = ReadString(ref reader);
                    else if (reader.ValueTextEquals("Name")) name = ReadString(ref reader);
                    else if (reader.ValueTextEquals("Dimension")) dimension = ReadString(ref reader);
                    else if (reader.ValueTextEquals("NodeId")) node = ReadString(ref reader);
                    else if (reader.ValueTextEquals("Value")) value = ReadNumber(ref reader);
                    else if (reader.ValueTextEquals("Timestamp")) timestamp = ReadNumber(ref reader);
                    else { reader.Read(); reader.Skip(); }
                }
                if (reader.TokenType != JsonTokenType.EndObject) return DebuggerLineOutcome.Invalid;
                if (reader.Read()) return DebuggerLineOutcome.Invalid; // something after the object
            }
            catch (JsonException)
            {
                return DebuggerLineOutcome.Invalid;
            }
            catch (InvalidOperationException)
            {
                return DebuggerLineOutcome.Invalid;
            }

            if (type is null || dimension is null) return DebuggerLineOutcome.Invalid;
            string? metric;
            string? device = null;
            switch (type)
            {
                case "gpu":
                    metric = dimension == "GPUUtilization" || dimension == "GPUMemoryUtilization" ? dimension : null;
                    if (metric != null && !IsDevice(name, "gpu")) return DebuggerLineOutcome.Invalid;
                    device = name;
                    break;
                case "cpu":
                    metric = dimension == "CPUUtilization" || dimension == "I/OWaitPercentage" ? dimension : null;
                    if (metric != null && !IsDevice(name, "cpu")) return DebuggerLineOutcome.Invalid;
                    device = name;
                    break;
                case "memory":
                    metric = dimension == "MemoryUsedPercent" ? "MemoryUtilization" : null;
                    break;
                default:
                    metric = null;
                    break;
            }
            if (metric is null) return DebuggerLineOutcome.UnknownType;
            if (!IsNode(node)) return DebuggerLineOutcome.Invalid;
            if (value is not double v || double.IsNaN(v) || double.IsInfinity(v) || v < 0 || v > 100) return DebuggerLineOutcome.Invalid;
            if (timestamp is not double t || double.IsNaN(t) || t < MinTimestamp || t > MaxTimestamp) return DebuggerLineOutcome.Invalid;
            record = new DebuggerSystemRecord(metric, device is null ? null : Intern(device), Intern(node!), t, v);
            return DebuggerLineOutcome.Accepted;
        }

        private string Intern(string s)
        {
            if (_strings.TryGetValue(s, out var known)) return known;
            if (_strings.Count < 4096) _strings[s] = s;
            return s;
        }

        private static string? ReadString(ref Utf8JsonReader reader)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String) return reader.GetString();
            reader.Skip();
            return null;
        }

        private static double? ReadNumber(ref Utf8JsonReader reader)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d)) return d;
            reader.Skip();
            return null;
        }

        /// <summary>"gpu0" … "gpu999".</summary>
        private static bool IsDevice(string? name, string prefix)
        {
            if (name is null || name.Length <= prefix.Length || name.Length > prefix.Length + 3 || !name.StartsWith(prefix, StringComparison.Ordinal)) return false;
            for (var i = prefix.Length; i < name.Length; i++)
            {
                if (name[i] < '0' || name[i] > '9') return false;
            }
            return true;
        }

        /// <summary>"algo-1" … "algo-99999".</summary>
        internal static bool IsNode(string? node)
        {
            if (node is null || node.Length < 6 || node.Length > 10 || !node.StartsWith("algo-", StringComparison.Ordinal)) return false;
            for (var i = 5; i < node.Length; i++)
            {
                if (node[i] < '0' || node[i] > '9') return false;
            }
            return node[5] != '0';
        }

        private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line)
        {
            var start = 0;
            var end = line.Length;
            while (start < end && (line[start] == ' ' || line[start] == '\t' || line[start] == '\r')) start++;
            while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) end--;
            return line.Slice(start, end - start);
        }

        public override string ToString() => $"{Accepted} accepted, {UnknownType} of unknown types, {Invalid} invalid, {Truncated} truncated";
    }
}
