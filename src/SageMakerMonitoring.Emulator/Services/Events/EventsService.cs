using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.Events
{
    /// <summary>
    /// Emulated Amazon EventBridge (awsJson1_1, target prefix <c>AWSEvents</c>, signing name <c>events</c>): rules, targets,
    /// tags and TestEventPattern on the default bus and on custom buses created with the <c>createEventBus</c> control action.
    /// Patterns are validated and matched by the emulator's own matcher (<see cref="EmulatorEventPattern"/>), written apart
    /// from the module's engine so that TestEventPattern is an independent check of it.
    /// </summary>
    public sealed class EventsService : IJsonService
    {
        private const int MaxPatternLength = 4096;
        private const int MaxTargetsPerRule = 5;
        private const int MaxTargetsPerCall = 10;
        private const int MaxRulesPerBus = 300;
        private static readonly Regex NamePattern = new Regex("^[\\.\\-_A-Za-z0-9]+$", RegexOptions.CultureInvariant);
        private static readonly Regex BusPattern = new Regex("^(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+$", RegexOptions.CultureInvariant);
        // arn:partition:service:region:account:resource (region and account may be empty, as for S3 buckets).
        private static readonly Regex TargetArnPattern = new Regex("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:([0-9]{12})?:.+$", RegexOptions.CultureInvariant);
        private static readonly string[] RequiredEventFields = { "id", "account", "source", "time", "region", "resources", "detail-type" };

        private readonly EmulatorContext _context;
        private readonly object _gate = new object();
        private readonly Dictionary<string, SortedDictionary<string, EventRuleState>> _buses = new Dictionary<string, SortedDictionary<string, EventRuleState>>(StringComparer.Ordinal);
        private readonly Dictionary<string, TargetFault> _targetFaults = new Dictionary<string, TargetFault>(StringComparer.Ordinal);

        public EventsService(EmulatorContext context)
        {
            _context = context;
            Reset();
        }

        public string SigningName => "events";

        public void Reset()
        {
            lock (_gate)
            {
                _buses.Clear();
                _buses["default"] = new SortedDictionary<string, EventRuleState>(StringComparer.Ordinal);
                _targetFaults.Clear();
            }
        }

        public void Seed(string seedName)
        {
            if (!string.Equals(seedName, "demo", StringComparison.OrdinalIgnoreCase)) return;
            Handle("PutRule", new JsonObject
            {
                ["Name"] = "demo-training-failed",
                ["EventPattern"] = "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Training Job State Change\"],\"detail\":{\"TrainingJobStatus\":[\"Failed\"]}}",
                ["State"] = "ENABLED",
                ["Description"] = "Page the on-call when a training job fails",
            });
            Handle("PutTargets", new JsonObject
            {
                ["Rule"] = "demo-training-failed",
                ["Targets"] = new JsonArray(new JsonObject { ["Id"] = "notify-oncall", ["Arn"] = "arn:aws:sns:" + _context.Region + ":" + _context.AccountId + ":ml-oncall" }),
            });
            Handle("PutRule", new JsonObject
            {
                ["Name"] = "demo-endpoint-changes",
                ["EventPattern"] = "{\"detail-type\":[\"SageMaker Endpoint State Change\"],\"detail\":{\"EndpointName\":[{\"prefix\":\"demo-\"}]}}",
                ["State"] = "DISABLED",
                ["Description"] = "Record endpoint deployments",
            });
            Handle("PutTargets", new JsonObject
            {
                ["Rule"] = "demo-endpoint-changes",
                ["Targets"] = new JsonArray(new JsonObject { ["Id"] = "record-deployments", ["Arn"] = "arn:aws:lambda:" + _context.Region + ":" + _context.AccountId + ":function:record-deployments" }),
            });
        }

        public bool TryControl(string action, JsonObject arguments, out JsonNode? result)
        {
            switch (action)
            {
                case "createEventBus":
                {
                    var name = Str(arguments, "name") ?? throw new AwsErrorException("ValidationException", "name is required");
                    lock (_gate)
                    {
                        if (!_buses.ContainsKey(name)) _buses[name] = new SortedDictionary<string, EventRuleState>(StringComparer.Ordinal);
                    }
                    result = new JsonObject { ["eventBusName"] = name, ["arn"] = BusArn(name) };
                    return true;
                }
                case "failTargets":
                {
                    // {"ids":["t2"],"errorCode":"ConcurrentModificationException","errorMessage":"...","mode":"once"|"always"}
                    var ids = arguments["ids"] as JsonArray ?? new JsonArray();
                    var code = Str(arguments, "errorCode") ?? "ConcurrentModificationException";
                    var message = Str(arguments, "errorMessage") ?? DefaultFailureMessage(code);
                    var always = string.Equals(Str(arguments, "mode"), "always", StringComparison.OrdinalIgnoreCase);
                    lock (_gate)
                    {
                        foreach (var id in ids) _targetFaults[id!.GetValue<string>()] = new TargetFault(code, message, always);
                    }
                    result = new JsonObject { ["armed"] = ids.Count };
                    return true;
                }
                case "clearTargetFaults":
                    lock (_gate) _targetFaults.Clear();
                    result = new JsonObject();
                    return true;
                default:
                    result = null;
                    return false;
            }
        }

        public JsonNode? Handle(string operation, JsonObject request)
        {
            switch (operation)
            {
                case "PutRule": return PutRule(request);
                case "DescribeRule": return DescribeRule(request);
                case "ListRules": return ListRules(request);
                case "DeleteRule": DeleteRule(request); return null;
                case "EnableRule": SetState(request, "ENABLED"); return null;
                case "DisableRule": SetState(request, "DISABLED"); return null;
                case "PutTargets": return PutTargets(request);
                case "RemoveTargets": return RemoveTargets(request);
                case "ListTargetsByRule": return ListTargetsByRule(request);
                case "TestEventPattern": return TestEventPattern(request);
                case "TagResource": TagResource(request); return null;
                case "UntagResource": UntagResource(request); return null;
                case "ListTagsForResource": return ListTagsForResource(request);
                default:
                    throw new AwsErrorException("UnknownOperationException", "Operation " + operation + " is not supported by this emulator.");
            }
        }

        // ---- rules -------------------------------------------------------------------------------------------

        private JsonNode PutRule(JsonObject request)
        {
            var name = RequireName(request, "Name", "name");
            var busName = BusName(request);
            var pattern = Str(request, "EventPattern");
            var schedule = Str(request, "ScheduleExpression");
            var state = Str(request, "State") ?? "ENABLED";
            var description = Str(request, "Description");
            var roleArn = Str(request, "RoleArn");

            if (pattern == null && schedule == null)
            {
                throw new AwsErrorException("ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified.");
            }
            if (state != "ENABLED" && state != "DISABLED" && state != "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS")
            {
                throw Validation("state", state, "Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]");
            }
            if (description != null && description.Length > 512) throw Validation("description", description, "Member must have length less than or equal to 512");
            if (schedule != null && schedule.Length > 256) throw Validation("scheduleExpression", schedule, "Member must have length less than or equal to 256");
            if (pattern != null)
            {
                if (pattern.Length > MaxPatternLength) throw Validation("eventPattern", pattern, "Member must have length less than or equal to 4096");
                ParsePattern(pattern);
            }
            if (schedule != null && busName != "default")
            {
                throw new AwsErrorException("ValidationException", "ScheduleExpression is supported only on the default event bus.");
            }
            if (schedule != null && !Regex.IsMatch(schedule, "^(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(.+\\))$"))
            {
                throw new AwsErrorException("ValidationException", "Parameter ScheduleExpression is not valid.");
            }

            lock (_gate)
            {
                var rules = Bus(busName);
                if (!rules.TryGetValue(name, out var rule))
                {
                    if (rules.Count >= MaxRulesPerBus)
                    {
                        throw new AwsErrorException("LimitExceededException", "The requested resource exceeds the maximum number allowed.");
                    }
                    rule = new EventRuleState
                    {
                        Name = name,
                        EventBusName = busName,
                        Arn = RuleArn(busName, name),
                        CreatedBy = _context.AccountId,
                        CreatedAt = _context.Clock.UtcNow,
                    };
                    // Tags are applied only when the rule is created (use TagResource afterwards).
                    foreach (var tag in ReadTags(request)) rule.Tags[tag.Key] = tag.Value;
                    rules[name] = rule;
                }
                // Full replace: arguments left out become null on update.
                rule.EventPattern = pattern;
                rule.ScheduleExpression = schedule;
                rule.State = state;
                rule.Description = description;
                rule.RoleArn = roleArn;
                return new JsonObject { ["RuleArn"] = rule.Arn };
            }
        }

        private JsonNode DescribeRule(JsonObject request)
        {
            var name = RequireName(request, "Name", "name");
            lock (_gate)
            {
                return RuleJson(FindRule(BusName(request), name), includeCreatedBy: true);
            }
        }

        private JsonNode ListRules(JsonObject request)
        {
            var prefix = Str(request, "NamePrefix");
            if (prefix != null && (prefix.Length == 0 || prefix.Length > 64 || !NamePattern.IsMatch(prefix)))
            {
                throw Validation("namePrefix", prefix, "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
            }
            var limit = Limit(request);
            var busName = BusName(request);
            lock (_gate)
            {
                var all = Bus(busName).Values.Where(r => prefix == null || r.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                var start = DecodeToken(Str(request, "NextToken"), "rules|" + busName + "|" + prefix);
                var page = all.Skip(start).Take(limit).ToList();
                var result = new JsonObject { ["Rules"] = new JsonArray(page.Select(r => (JsonNode)RuleJson(r, includeCreatedBy: false)).ToArray()) };
                if (start + page.Count < all.Count) result["NextToken"] = EncodeToken(start + page.Count, "rules|" + busName + "|" + prefix);
                return result;
            }
        }

        private void DeleteRule(JsonObject request)
        {
            var name = RequireName(request, "Name", "name");
            var busName = BusName(request);
            lock (_gate)
            {
                var rules = Bus(busName);
                if (!rules.TryGetValue(name, out var rule)) return; // deleting a rule that does not exist succeeds
                if (rule.Targets.Count > 0) throw new AwsErrorException("ValidationException", "Rule can't be deleted since it has targets.");
                rules.Remove(name);
            }
        }

        private void SetState(JsonObject request, string state)
        {
            var name = RequireName(request, "Name", "name");
            lock (_gate)
            {
                FindRule(BusName(request), name).State = state;
            }
        }

        // ---- targets -----------------------------------------------------------------------------------------

        private JsonNode PutTargets(JsonObject request)
        {
            var ruleName = RequireName(request, "Rule", "rule");
            var targets = request["Targets"] as JsonArray;
            if (targets == null || targets.Count == 0) throw Validation("targets", "[]", "Member must have length greater than or equal to 1");
            if (targets.Count > MaxTargetsPerCall)
            {
                throw new AwsErrorException("ValidationException", "1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length less than or equal to " + MaxTargetsPerCall);
            }
            var entries = new List<JsonObject>();
            foreach (var t in targets)
            {
                if (!(t is JsonObject target)) throw new AwsErrorException("SerializationException", "Start of structure or map found where not expected.");
                var id = Str(target, "Id");
                var arn = Str(target, "Arn");
                if (id == null || id.Length == 0 || id.Length > 64 || !NamePattern.IsMatch(id))
                {
                    throw Validation("targets.member.id", id ?? "null", "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
                }
                if (arn == null || arn.Length == 0 || arn.Length > 1600) throw Validation("targets.member.arn", arn ?? "null", "Member must have length greater than or equal to 1");
                if (!TargetArnPattern.IsMatch(arn))
                {
                    // EventBridge refuses the whole call (nothing is stored, no FailedEntries) for a malformed target ARN.
                    throw new AwsErrorException("ValidationException", "Parameter " + arn + " is not valid. Reason: Provided Arn is not in correct format.");
                }
                var inputs = (target["Input"] != null ? 1 : 0) + (target["InputPath"] != null ? 1 : 0) + (target["InputTransformer"] != null ? 1 : 0);
                if (inputs > 1)
                {
                    throw new AwsErrorException("ValidationException", "Only one of Input, InputPath, or InputTransformer must be provided for a target " + id + ".");
                }
                var input = Str(target, "Input");
                if (input != null)
                {
                    if (input.Length > 8192) throw Validation("targets.member.input", input, "Member must have length less than or equal to 8192");
                    try { using (JsonDocument.Parse(input)) { } }
                    catch (JsonException) { throw new AwsErrorException("ValidationException", "Target " + id + " has invalid Input: the value must be valid JSON."); }
                }
                entries.Add(target);
            }

            lock (_gate)
            {
                var rule = FindRule(BusName(request), ruleName);
                var failed = new JsonArray();
                var accepted = new List<JsonObject>();
                foreach (var target in entries)
                {
                    var id = Str(target, "Id")!;
                    if (TakeFault(id, out var fault)) failed.Add(Failure(id, fault.Code, fault.Message));
                    else accepted.Add(target);
                }
                // The 5-targets-per-rule quota: EventBridge refuses the whole call with LimitExceededException when the
                // rule would end up with more than five targets (documented under PutTargets errors), rather than
                // failing single entries; nothing is stored in that case.
                var newIds = accepted.Select(t => Str(t, "Id")!).Where(id => rule.Targets.All(x => x.Key != id)).Distinct().Count();
                if (rule.Targets.Count + newIds > MaxTargetsPerRule)
                {
                    throw new AwsErrorException("LimitExceededException",
                        "The requested resource exceeds the maximum number allowed. A rule can have at most " + MaxTargetsPerRule + " targets.");
                }
                foreach (var target in accepted)
                {
                    var id = Str(target, "Id")!;
                    var copy = (JsonObject)target.DeepClone();
                    var index = rule.Targets.FindIndex(x => x.Key == id);
                    if (index >= 0) rule.Targets[index] = new KeyValuePair<string, JsonObject>(id, copy);
                    else rule.Targets.Add(new KeyValuePair<string, JsonObject>(id, copy));
                }
                return new JsonObject { ["FailedEntryCount"] = failed.Count, ["FailedEntries"] = failed };
            }
        }

        private JsonNode RemoveTargets(JsonObject request)
        {
            var ruleName = RequireName(request, "Rule", "rule");
            var ids = request["Ids"] as JsonArray;
            if (ids == null || ids.Count == 0) throw Validation("ids", "[]", "Member must have length greater than or equal to 1");
            if (ids.Count > MaxTargetsPerCall)
            {
                throw new AwsErrorException("ValidationException", "1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must have length less than or equal to " + MaxTargetsPerCall);
            }
            lock (_gate)
            {
                var rule = FindRule(BusName(request), ruleName);
                var failed = new JsonArray();
                foreach (var node in ids)
                {
                    var id = node!.GetValue<string>();
                    if (TakeFault(id, out var fault)) { failed.Add(Failure(id, fault.Code, fault.Message)); continue; }
                    // Removing an id the rule does not have succeeds, as in EventBridge.
                    rule.Targets.RemoveAll(x => x.Key == id);
                }
                return new JsonObject { ["FailedEntryCount"] = failed.Count, ["FailedEntries"] = failed };
            }
        }

        private JsonNode ListTargetsByRule(JsonObject request)
        {
            var ruleName = RequireName(request, "Rule", "rule");
            var limit = Limit(request);
            var busName = BusName(request);
            lock (_gate)
            {
                var rule = FindRule(busName, ruleName);
                var start = DecodeToken(Str(request, "NextToken"), "targets|" + busName + "|" + ruleName);
                var page = rule.Targets.Skip(start).Take(limit).Select(t => (JsonNode)t.Value.DeepClone()).ToArray();
                var result = new JsonObject { ["Targets"] = new JsonArray(page) };
                if (start + page.Length < rule.Targets.Count) result["NextToken"] = EncodeToken(start + page.Length, "targets|" + busName + "|" + ruleName);
                return result;
            }
        }

        // ---- TestEventPattern --------------------------------------------------------------------------------

        private JsonNode TestEventPattern(JsonObject request)
        {
            var patternText = Str(request, "EventPattern") ?? throw Validation("eventPattern", "null", "Member must not be null");
            var eventText = Str(request, "Event") ?? throw Validation("event", "null", "Member must not be null");
            if (patternText.Length > MaxPatternLength) throw Validation("eventPattern", patternText, "Member must have length less than or equal to 4096");
            var pattern = ParsePattern(patternText);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(eventText);
            }
            catch (JsonException)
            {
                throw new AwsErrorException("ValidationException", "Parameter Event is not valid.");
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new AwsErrorException("ValidationException", "Parameter Event is not valid.");
                var missing = RequiredEventFields.Where(f => !root.TryGetProperty(f, out _)).ToList();
                if (missing.Count > 0)
                {
                    throw new AwsErrorException("ValidationException",
                        "Parameter Event is not valid. Reason: Provided Event is missing required field(s): " + string.Join(", ", missing) + ".");
                }
                if (root.GetProperty("resources").ValueKind != JsonValueKind.Array)
                {
                    throw new AwsErrorException("ValidationException", "Parameter Event is not valid. Reason: resources must be an array.");
                }
                foreach (var field in new[] { "id", "account", "source", "time", "region", "detail-type" })
                {
                    if (root.GetProperty(field).ValueKind != JsonValueKind.String)
                    {
                        throw new AwsErrorException("ValidationException", "Parameter Event is not valid. Reason: " + field + " must be a string.");
                    }
                }
                if (!DateTime.TryParse(root.GetProperty("time").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
                {
                    throw new AwsErrorException("ValidationException", "Parameter Event is not valid. Reason: time is not a valid timestamp.");
                }
                return new JsonObject { ["Result"] = pattern.Matches(root) };
            }
        }

        // ---- tags --------------------------------------------------------------------------------------------

        private void TagResource(JsonObject request)
        {
            var arn = Str(request, "ResourceARN") ?? throw Validation("resourceARN", "null", "Member must not be null");
            var tags = ReadTags(request);
            lock (_gate)
            {
                var rule = FindRuleByArn(arn);
                foreach (var tag in tags) rule.Tags[tag.Key] = tag.Value;
            }
        }

        private void UntagResource(JsonObject request)
        {
            var arn = Str(request, "ResourceARN") ?? throw Validation("resourceARN", "null", "Member must not be null");
            var keys = (request["TagKeys"] as JsonArray ?? new JsonArray()).Select(k => k!.GetValue<string>()).ToList();
            lock (_gate)
            {
                var rule = FindRuleByArn(arn);
                foreach (var key in keys) rule.Tags.Remove(key);
            }
        }

        private JsonNode ListTagsForResource(JsonObject request)
        {
            var arn = Str(request, "ResourceARN") ?? throw Validation("resourceARN", "null", "Member must not be null");
            lock (_gate)
            {
                var rule = FindRuleByArn(arn);
                return new JsonObject
                {
                    ["Tags"] = new JsonArray(rule.Tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray()),
                };
            }
        }

        // ---- helpers -----------------------------------------------------------------------------------------

        private static EmulatorEventPattern ParsePattern(string text)
        {
            try
            {
                return EmulatorEventPattern.Compile(text);
            }
            catch (FormatException e)
            {
                throw new AwsErrorException("InvalidEventPatternException", "Event pattern is not valid. Reason: " + e.Message);
            }
        }

        private EventRuleState FindRule(string busName, string name)
        {
            if (Bus(busName).TryGetValue(name, out var rule)) return rule;
            throw new AwsErrorException("ResourceNotFoundException", "Rule " + name + " does not exist on EventBus " + busName + ".");
        }

        private EventRuleState FindRuleByArn(string arn)
        {
            const string marker = "rule/";
            if (!AwsArn.TryParse(arn, out var parsed) || parsed!.Service != "events" || parsed.Region.Length == 0 || parsed.Account.Length == 0
                || !parsed.Resource.StartsWith(marker, StringComparison.Ordinal))
            {
                throw new AwsErrorException("ValidationException", "Parameter ResourceARN is not valid.");
            }
            var rest = parsed.Resource.Substring(marker.Length);
            var slash = rest.LastIndexOf('/');
            var busName = slash < 0 ? "default" : rest.Substring(0, slash);
            var name = slash < 0 ? rest : rest.Substring(slash + 1);
            if (!_buses.ContainsKey(busName))
            {
                throw new AwsErrorException("ResourceNotFoundException", "Rule " + name + " does not exist on EventBus " + busName + ".");
            }
            return FindRule(busName, name);
        }

        private SortedDictionary<string, EventRuleState> Bus(string busName)
        {
            if (_buses.TryGetValue(busName, out var rules)) return rules;
            throw new AwsErrorException("ResourceNotFoundException", "Event bus " + busName + " does not exist.");
        }

        private string BusName(JsonObject request)
        {
            var bus = Str(request, "EventBusName");
            if (bus == null) return "default";
            if (bus.Length == 0 || bus.Length > 1600 || !BusPattern.IsMatch(bus))
            {
                throw Validation("eventBusName", bus, "Member must satisfy regular expression pattern: (arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+");
            }
            var marker = ":event-bus/";
            var at = bus.IndexOf(marker, StringComparison.Ordinal);
            var name = at >= 0 ? bus.Substring(at + marker.Length) : bus;
            lock (_gate)
            {
                Bus(name);
            }
            return name;
        }

        private string RuleArn(string busName, string name)
            => "arn:aws:events:" + _context.Region + ":" + _context.AccountId + ":rule/" + (busName == "default" ? "" : busName + "/") + name;

        private string BusArn(string busName) => "arn:aws:events:" + _context.Region + ":" + _context.AccountId + ":event-bus/" + busName;

        private static JsonObject RuleJson(EventRuleState rule, bool includeCreatedBy)
        {
            var o = new JsonObject { ["Name"] = rule.Name, ["Arn"] = rule.Arn };
            if (rule.EventPattern != null) o["EventPattern"] = rule.EventPattern;
            if (rule.ScheduleExpression != null) o["ScheduleExpression"] = rule.ScheduleExpression;
            o["State"] = rule.State;
            if (rule.Description != null) o["Description"] = rule.Description;
            if (rule.RoleArn != null) o["RoleArn"] = rule.RoleArn;
            o["EventBusName"] = rule.EventBusName;
            if (includeCreatedBy) o["CreatedBy"] = rule.CreatedBy;
            return o;
        }

        private static string RequireName(JsonObject request, string member, string wireName)
        {
            var value = Str(request, member);
            if (value == null) throw new AwsErrorException("ValidationException", "1 validation error detected: Value null at '" + wireName + "' failed to satisfy constraint: Member must not be null");
            if (value.Length == 0 || value.Length > 64) throw Validation(wireName, value, "Member must have length less than or equal to 64");
            if (!NamePattern.IsMatch(value)) throw Validation(wireName, value, "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
            return value;
        }

        private static int Limit(JsonObject request)
        {
            var node = request["Limit"];
            if (node == null) return 100;
            var limit = node.GetValueKind() == JsonValueKind.String
                ? int.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture)
                : node.GetValue<int>();
            if (limit < 1) throw Validation("limit", limit.ToString(CultureInfo.InvariantCulture), "Member must have value greater than or equal to 1");
            if (limit > 100) throw Validation("limit", limit.ToString(CultureInfo.InvariantCulture), "Member must have value less than or equal to 100");
            return limit;
        }

        private static string EncodeToken(int offset, string scope)
            => Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture) + "|" + scope));

        private static int DecodeToken(string? token, string scope)
        {
            if (token == null) return 0;
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                var bar = text.IndexOf('|');
                if (bar > 0 && text.Substring(bar + 1) == scope && int.TryParse(text.Substring(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                {
                    return offset;
                }
            }
            catch (FormatException)
            {
            }
            throw new AwsErrorException("InvalidToken", "The NextToken provided is invalid or has expired.");
        }

        private static List<KeyValuePair<string, string>> ReadTags(JsonObject request)
        {
            var list = new List<KeyValuePair<string, string>>();
            if (request["Tags"] is JsonArray tags)
            {
                foreach (var t in tags)
                {
                    var key = Str((JsonObject)t!, "Key") ?? throw Validation("tags.member.key", "null", "Member must not be null");
                    var value = Str((JsonObject)t!, "Value") ?? throw Validation("tags.member.value", "null", "Member must not be null");
                    if (key.Length == 0 || key.Length > 128) throw Validation("tags.member.key", key, "Member must have length less than or equal to 128");
                    if (value.Length > 256) throw Validation("tags.member.value", value, "Member must have length less than or equal to 256");
                    list.Add(new KeyValuePair<string, string>(key, value));
                }
            }
            return list;
        }

        private bool TakeFault(string targetId, out TargetFault fault)
        {
            if (_targetFaults.TryGetValue(targetId, out fault!))
            {
                if (!fault.Always) _targetFaults.Remove(targetId);
                return true;
            }
            return false;
        }

        private static JsonObject Failure(string id, string code, string message)
            => new JsonObject { ["TargetId"] = id, ["ErrorCode"] = code, ["ErrorMessage"] = message };

        private static string DefaultFailureMessage(string code)
            => code == "ConcurrentModificationException"
                ? "There is concurrent modification on a resource. Please try again."
                : "An internal error occurred.";

        private static AwsErrorException Validation(string member, string value, string constraint)
            => new AwsErrorException("ValidationException",
                "1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);

        private static string? Str(JsonObject o, string name)
        {
            var node = o[name];
            if (node == null) return null;
            return node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        }

        private sealed class TargetFault
        {
            public TargetFault(string code, string message, bool always)
            {
                Code = code;
                Message = message;
                Always = always;
            }

            public string Code { get; }
            public string Message { get; }
            public bool Always { get; }
        }
    }
}
