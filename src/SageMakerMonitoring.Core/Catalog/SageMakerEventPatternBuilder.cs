using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// Builds an EventBridge pattern for SageMaker events from event types, statuses and resource names.
    /// Statuses may be given in either spelling and are written as every spelling the event may carry
    /// (<c>InService</c> becomes <c>["IN_SERVICE","InService"]</c> for endpoints). Resource names: <c>name</c> is an
    /// exact match, <c>name*</c> (only a trailing star) a <c>prefix</c>, any other star a <c>wildcard</c>; <c>*</c> alone
    /// means any name. Types whose status or name fields differ are combined under <c>$or</c>.
    /// </summary>
    public sealed class SageMakerEventPatternBuilder
    {
        private readonly List<SageMakerEventType> _types = new List<SageMakerEventType>();
        private readonly List<string> _statuses = new List<string>();
        private readonly List<string> _names = new List<string>();

        public SageMakerEventPatternBuilder AddEventTypes(IEnumerable<SageMakerEventType> types)
        {
            foreach (var t in types ?? throw new ArgumentNullException(nameof(types)))
            {
                if (!_types.Contains(t)) _types.Add(t);
            }
            return this;
        }

        public SageMakerEventPatternBuilder AddEventTypes(params string[] shortNamesOrDetailTypes)
            => AddEventTypes(shortNamesOrDetailTypes.Select(SageMakerEventCatalog.Get));

        public SageMakerEventPatternBuilder AddStatuses(IEnumerable<string> statuses)
        {
            _statuses.AddRange((statuses ?? throw new ArgumentNullException(nameof(statuses))).Where(s => !string.IsNullOrWhiteSpace(s)));
            return this;
        }

        public SageMakerEventPatternBuilder AddResourceNames(IEnumerable<string> names)
        {
            _names.AddRange((names ?? throw new ArgumentNullException(nameof(names))).Where(s => !string.IsNullOrWhiteSpace(s)));
            return this;
        }

        /// <summary>Convenience: one call for the common case.</summary>
        public static string Build(IEnumerable<string> eventTypes, IEnumerable<string>? statuses = null, IEnumerable<string>? resourceNames = null)
        {
            var builder = new SageMakerEventPatternBuilder().AddEventTypes(eventTypes.ToArray());
            if (statuses != null) builder.AddStatuses(statuses);
            if (resourceNames != null) builder.AddResourceNames(resourceNames);
            return builder.Build();
        }

        /// <summary>
        /// The pattern JSON. Throws <see cref="ArgumentException"/> for a status or name the types cannot filter on, and
        /// <see cref="MonitoringException"/> <c>EventPatternTooLarge</c> / <c>InvalidEventPattern</c> when the result is a
        /// pattern EventBridge would refuse (for example, thousands of resource names).
        /// </summary>
        public string Build()
        {
            if (_types.Count == 0) throw new ArgumentException("At least one SageMaker event type is required.");
            var nameFilter = _names.Any(n => n != "*") ? _names.Where(n => n != "*").Distinct(StringComparer.Ordinal).ToList() : null;

            var branches = new List<JsonObject>();
            foreach (var group in _types.GroupBy(t => (t.StatusInDetailType ? "~detail-type" : t.StatusField ?? "") + "|" + t.ResourceNameField + "|" + t.ResourceArnKind))
            {
                branches.Add(BuildBranch(group.ToList(), nameFilter));
            }

            var root = new JsonObject { ["source"] = new JsonArray(SageMakerEventCatalog.Source) };
            if (branches.Count == 1)
            {
                foreach (var kv in branches[0].ToList())
                {
                    branches[0].Remove(kv.Key);
                    root[kv.Key] = kv.Value;
                }
            }
            else
            {
                root["$or"] = new JsonArray(branches.Cast<JsonNode>().ToArray());
            }
            var json = root.ToJsonString();
            // The builder never hands out a pattern the service would refuse.
            if (json.Length > EventPattern.MaxLength)
            {
                throw EventPatternErrors.TooLarge(json.Length, nameFilter != null ? (object)nameFilter.ToArray() : json,
                    "The pattern for " + _types.Count + " event type(s)" + (nameFilter != null ? " and " + nameFilter.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " resource name(s)" : ""));
            }
            try
            {
                EventPattern.Parse(json);
            }
            catch (EventPatternException e)
            {
                throw EventPatternErrors.Invalid(e, json);
            }
            return json;
        }

        private JsonObject BuildBranch(List<SageMakerEventType> types, List<string>? names)
        {
            var branch = new JsonObject();
            var detail = new JsonObject();
            var first = types[0];

            if (_statuses.Count > 0)
            {
                var values = new List<string>();
                var detailTypes = new List<string>();
                foreach (var type in types)
                {
                    if (type.Statuses.Count == 0)
                    {
                        throw new ArgumentException("Event type " + type.ShortName + " carries no status to filter on.");
                    }
                    var known = _statuses.Select(type.FindStatus).Where(s => s != null).ToList();
                    if (known.Count == 0)
                    {
                        throw new ArgumentException("None of the statuses " + string.Join(", ", _statuses) + " is a status of " + type.ShortName
                            + ". Valid values: " + string.Join(", ", type.Statuses.Select(s => s.ApiValue)) + ".");
                    }
                    foreach (var status in known)
                    {
                        if (type.StatusInDetailType) detailTypes.Add(status!.DetailType!);
                        else
                        {
                            values.Add(status!.EventValue);
                            values.Add(status.ApiValue);
                        }
                    }
                }
                if (first.StatusInDetailType) branch["detail-type"] = Strings(detailTypes);
                else
                {
                    branch["detail-type"] = Strings(types.SelectMany(t => t.DetailTypes));
                    JsonObjectPath.Set(detail, first.StatusField!, Strings(values));
                }
            }
            else
            {
                branch["detail-type"] = Strings(types.SelectMany(t => t.DetailTypes));
            }

            if (names != null)
            {
                if (first.ResourceNameField == null)
                {
                    throw new ArgumentException("Event type " + first.ShortName + " has no documented field naming the resource.");
                }
                var matchers = new JsonArray();
                foreach (var name in names)
                {
                    matchers.Add(first.ResourceNameFieldIsArn ? ArnNameMatcher(first.ResourceArnKind!, name) : NameMatcher(name));
                }
                JsonObjectPath.Set(detail, first.ResourceNameField, matchers);
            }

            if (detail.Count > 0) branch["detail"] = detail;
            return branch;
        }

        private static JsonNode NameMatcher(string name)
        {
            var star = name.IndexOf('*');
            if (star < 0) return JsonValue.Create(name)!;
            if (star == name.Length - 1) return new JsonObject { ["prefix"] = name.Substring(0, star) };
            return new JsonObject { ["wildcard"] = EscapeForWildcard(name) };
        }

        /// <summary>Name held inside an ARN field (<c>arn:aws:sagemaker:region:account:pipeline/NAME</c>).</summary>
        private static JsonNode ArnNameMatcher(string arnKind, string name)
        {
            var tail = ":" + arnKind + "/";
            if (name.IndexOf('*') < 0) return new JsonObject { ["suffix"] = new JsonObject { ["equals-ignore-case"] = tail + name } };
            return new JsonObject { ["wildcard"] = "*" + tail + EscapeForWildcard(name) };
        }

        private static string EscapeForWildcard(string name)
        {
            var text = name.Replace("\\", "\\\\");
            while (text.Contains("**")) text = text.Replace("**", "*");
            return text;
        }

        private static JsonArray Strings(IEnumerable<string> values)
            => new JsonArray(values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
    }
}
