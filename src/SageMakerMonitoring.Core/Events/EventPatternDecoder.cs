using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>Reads a stored pattern back: as nested dictionaries, and for what it selects (detail-types, SageMaker or not).</summary>
    public static class EventPatternDecoder
    {
        private const string SageMakerProbe = "{\"source\":\"" + SageMakerEventCatalog.Source + "\"}";

        /// <summary>
        /// The JSON as nested values: objects become <see cref="Dictionary{TKey,TValue}"/> of string to object (in document order
        /// of first appearance; duplicate keys keep the last value), arrays <c>object[]</c>, numbers <c>long</c> or <c>double</c>.
        /// Null for null or text that is not JSON.
        /// </summary>
        public static object? Decode(string? json)
        {
            if (string.IsNullOrWhiteSpace(json)) return null;
            try
            {
                using var document = JsonDocument.Parse(json!);
                return ToValue(document.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The detail-type values listed at the top level of the pattern or in its top-level <c>$or</c> branches.</summary>
        public static IReadOnlyList<string> DetailTypes(string? json)
        {
            var result = new List<string>();
            foreach (var branch in Branches(json))
            {
                if (branch.TryGetValue("detail-type", out var value) && value is object?[] values)
                {
                    foreach (var v in values)
                    {
                        if (v is string s && !result.Contains(s)) result.Add(s);
                    }
                }
            }
            return result;
        }

        /// <summary>Short names of the catalog's event types whose detail-types the pattern lists.</summary>
        public static IReadOnlyList<string> EventTypes(string? json)
        {
            var names = new List<string>();
            foreach (var detailType in DetailTypes(json))
            {
                var type = SageMakerEventCatalog.All.FirstOrDefault(t => t.DetailTypes.Contains(detailType, StringComparer.Ordinal));
                if (type != null && !names.Contains(type.ShortName)) names.Add(type.ShortName);
            }
            return names;
        }

        /// <summary>
        /// True when the pattern is about SageMaker events: its <c>source</c> (at the top level or in a <c>$or</c>
        /// branch) accepts <c>aws.sagemaker</c>, or, without any source condition, it lists a SageMaker detail-type.
        /// </summary>
        public static bool SelectsSageMaker(string? json)
        {
            var anySource = false;
            foreach (var branch in Branches(json))
            {
                if (!branch.TryGetValue("source", out var source)) continue;
                anySource = true;
                try
                {
                    var sourceOnly = EventPattern.Parse("{\"source\":" + EventJsonWriter.Write(source) + "}");
                    if (sourceOnly.Matches(SageMakerProbe)) return true;
                }
                catch (EventPatternException)
                {
                }
            }
            return !anySource && EventTypes(json).Count > 0;
        }

        /// <summary>The top-level object and each object of its top-level <c>$or</c> arrays.</summary>
        private static IEnumerable<Dictionary<string, object?>> Branches(string? json)
        {
            if (!(Decode(json) is Dictionary<string, object?> root)) yield break;
            yield return root;
            if (root.TryGetValue("$or", out var or) && or is object?[] alternatives)
            {
                foreach (var alternative in alternatives)
                {
                    if (alternative is Dictionary<string, object?> branch) yield return branch;
                }
            }
        }

        private static object? ToValue(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                {
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var p in element.EnumerateObject()) map[p.Name] = ToValue(p.Value);
                    return map;
                }
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(ToValue).ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var l)) return l;
                    return double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
