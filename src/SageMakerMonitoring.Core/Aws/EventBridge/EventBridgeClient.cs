using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.EventBridge
{
    /// <summary>EventBridge over awsJson 1.1 (AWSEvents).</summary>
    internal sealed class EventBridgeClient : JsonServiceClient, IEventBridgeClient
    {
        private static readonly JsonOperationUnmarshaller<string> PutRuleOutput =
            new JsonOperationUnmarshaller<string>(ServiceDescriptor.EventBridge, ReadRuleArn);
        private static readonly JsonOperationUnmarshaller<RuleInfo> DescribeRuleOutput =
            new JsonOperationUnmarshaller<RuleInfo>(ServiceDescriptor.EventBridge, ReadDescribeRule);
        private static readonly JsonOperationUnmarshaller<RulePage> ListRulesOutput =
            new JsonOperationUnmarshaller<RulePage>(ServiceDescriptor.EventBridge, ReadRulePage);
        private static readonly JsonOperationUnmarshaller<bool> EmptyAnswer =
            new JsonOperationUnmarshaller<bool>(ServiceDescriptor.EventBridge, EmptyOutput.Read);
        private static readonly JsonOperationUnmarshaller<TargetChangeResult> TargetChangeOutput =
            new JsonOperationUnmarshaller<TargetChangeResult>(ServiceDescriptor.EventBridge, ReadTargetChange);
        private static readonly JsonOperationUnmarshaller<TargetPage> ListTargetsOutput =
            new JsonOperationUnmarshaller<TargetPage>(ServiceDescriptor.EventBridge, ReadTargetPage);
        private static readonly JsonOperationUnmarshaller<bool> TestEventPatternOutput =
            new JsonOperationUnmarshaller<bool>(ServiceDescriptor.EventBridge, ReadTestResult);
        private static readonly JsonOperationUnmarshaller<IReadOnlyDictionary<string, string>> ListTagsOutput =
            new JsonOperationUnmarshaller<IReadOnlyDictionary<string, string>>(ServiceDescriptor.EventBridge, ReadTags);

        public EventBridgeClient(AWSCredentials? credentials, EventBridgeConfig config, string region, Action<AwsCallRecord>? callLogger)
            : base(credentials, config, region, callLogger)
        {
        }

        public Task<string> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return InvokeJsonAsync("PutRule", writer =>
            {
                writer.WriteString("Name", request.Name);
                writer.WriteStringIfSet("ScheduleExpression", request.ScheduleExpression);
                writer.WriteStringIfSet("EventPattern", request.EventPattern);
                writer.WriteStringIfSet("State", request.State);
                writer.WriteStringIfSet("Description", request.Description);
                writer.WriteStringIfSet("RoleArn", request.RoleArn);
                if (request.Tags.Count > 0)
                {
                    WriteTags(writer, request.Tags);
                }
                writer.WriteStringIfSet("EventBusName", request.EventBusName);
            }, PutRuleOutput, cancellationToken);
        }

        public Task<RuleInfo> DescribeRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeRule", writer =>
            {
                writer.WriteString("Name", name);
                writer.WriteStringIfSet("EventBusName", eventBusName);
            }, DescribeRuleOutput, cancellationToken);
        }

        public Task<RulePage> ListRulesAsync(string? namePrefix, string? eventBusName, string? nextToken, int? limit, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("ListRules", writer =>
            {
                writer.WriteStringIfSet("NamePrefix", namePrefix);
                writer.WriteStringIfSet("EventBusName", eventBusName);
                writer.WriteStringIfSet("NextToken", nextToken);
                writer.WriteNumberIfSet("Limit", limit);
            }, ListRulesOutput, cancellationToken);
        }

        public Task DeleteRuleAsync(string name, string? eventBusName, bool force, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DeleteRule", writer =>
            {
                writer.WriteString("Name", name);
                writer.WriteStringIfSet("EventBusName", eventBusName);
                if (force) writer.WriteBoolean("Force", true);
            }, EmptyAnswer, cancellationToken);
        }

        public Task EnableRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("EnableRule", writer =>
            {
                writer.WriteString("Name", name);
                writer.WriteStringIfSet("EventBusName", eventBusName);
            }, EmptyAnswer, cancellationToken);
        }

        public Task DisableRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DisableRule", writer =>
            {
                writer.WriteString("Name", name);
                writer.WriteStringIfSet("EventBusName", eventBusName);
            }, EmptyAnswer, cancellationToken);
        }

        public Task<TargetChangeResult> PutTargetsAsync(string rule, string? eventBusName, IReadOnlyList<RuleTarget> targets, CancellationToken cancellationToken)
        {
            if (targets == null) throw new ArgumentNullException(nameof(targets));
            return InvokeJsonAsync("PutTargets", writer =>
            {
                writer.WriteString("Rule", rule);
                writer.WriteStringIfSet("EventBusName", eventBusName);
                writer.WriteStartArray("Targets");
                foreach (RuleTarget target in targets)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Id", target.Id);
                    writer.WriteString("Arn", target.Arn);
                    writer.WriteStringIfSet("RoleArn", target.RoleArn);
                    writer.WriteStringIfSet("Input", target.Input);
                    writer.WriteStringIfSet("InputPath", target.InputPath);
                    if (target.InputTransformer != null)
                    {
                        writer.WriteStartObject("InputTransformer");
                        if (target.InputTransformer.InputPathsMap.Count > 0)
                        {
                            writer.WriteStartObject("InputPathsMap");
                            foreach (KeyValuePair<string, string> path in target.InputTransformer.InputPathsMap)
                            {
                                writer.WriteString(path.Key, path.Value);
                            }
                            writer.WriteEndObject();
                        }
                        writer.WriteString("InputTemplate", target.InputTransformer.InputTemplate);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }, TargetChangeOutput, cancellationToken);
        }

        public Task<TargetChangeResult> RemoveTargetsAsync(string rule, string? eventBusName, IReadOnlyList<string> ids, bool force, CancellationToken cancellationToken)
        {
            if (ids == null) throw new ArgumentNullException(nameof(ids));
            return InvokeJsonAsync("RemoveTargets", writer =>
            {
                writer.WriteString("Rule", rule);
                writer.WriteStringIfSet("EventBusName", eventBusName);
                writer.WriteStringArray("Ids", ids);
                if (force) writer.WriteBoolean("Force", true);
            }, TargetChangeOutput, cancellationToken);
        }

        public Task<TargetPage> ListTargetsByRuleAsync(string rule, string? eventBusName, string? nextToken, int? limit, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("ListTargetsByRule", writer =>
            {
                writer.WriteString("Rule", rule);
                writer.WriteStringIfSet("EventBusName", eventBusName);
                writer.WriteStringIfSet("NextToken", nextToken);
                writer.WriteNumberIfSet("Limit", limit);
            }, ListTargetsOutput, cancellationToken);
        }

        public Task<bool> TestEventPatternAsync(string eventPattern, string eventJson, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("TestEventPattern", writer =>
            {
                writer.WriteString("EventPattern", eventPattern);
                writer.WriteString("Event", eventJson);
            }, TestEventPatternOutput, cancellationToken);
        }

        public Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
        {
            if (tags == null) throw new ArgumentNullException(nameof(tags));
            return InvokeJsonAsync("TagResource", writer =>
            {
                writer.WriteString("ResourceARN", resourceArn);
                WriteTags(writer, tags);
            }, EmptyAnswer, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("ListTagsForResource", writer => writer.WriteString("ResourceARN", resourceArn), ListTagsOutput, cancellationToken);
        }

        private static void WriteTags(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> tags)
        {
            writer.WriteStartArray("Tags");
            foreach (KeyValuePair<string, string> tag in tags)
            {
                writer.WriteStartObject();
                writer.WriteString("Key", tag.Key);
                writer.WriteString("Value", tag.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        internal static string ReadRuleArn(ref Utf8JsonReader reader)
        {
            string? arn = null;
            if (JsonOutput.StartObject(ref reader))
            {
                while (JsonOutput.NextProperty(ref reader))
                {
                    bool isArn = reader.ValueTextEquals("RuleArn");
                    reader.Read();
                    if (isArn) arn = JsonOutput.String(ref reader);
                    else reader.Skip();
                }
            }
            return arn ?? "";
        }

        internal static RuleInfo ReadDescribeRule(ref Utf8JsonReader reader)
        {
            return JsonOutput.StartObject(ref reader) ? ReadRule(ref reader) : new RuleInfo();
        }

        private static RuleInfo ReadRule(ref Utf8JsonReader reader)
        {
            var rule = new RuleInfo();
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("Name")) { reader.Read(); rule.Name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("Arn")) { reader.Read(); rule.Arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("EventPattern")) { reader.Read(); rule.EventPattern = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("ScheduleExpression")) { reader.Read(); rule.ScheduleExpression = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("State")) { reader.Read(); rule.State = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("Description")) { reader.Read(); rule.Description = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("RoleArn")) { reader.Read(); rule.RoleArn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("ManagedBy")) { reader.Read(); rule.ManagedBy = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("EventBusName")) { reader.Read(); rule.EventBusName = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("CreatedBy")) { reader.Read(); rule.CreatedBy = JsonOutput.String(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
            return rule;
        }

        internal static RulePage ReadRulePage(ref Utf8JsonReader reader)
        {
            var items = JsonOutput.ListPage(ref reader, "Rules", "NextToken", ReadRule, out var nextToken);
            return new RulePage { Rules = items, NextToken = nextToken };
        }

        internal static TargetChangeResult ReadTargetChange(ref Utf8JsonReader reader)
        {
            var result = new TargetChangeResult();
            if (!JsonOutput.StartObject(ref reader)) return result;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("FailedEntryCount")) { reader.Read(); result.FailedEntryCount = JsonOutput.NullableInt32(ref reader) ?? 0; }
                else if (reader.ValueTextEquals("FailedEntries"))
                {
                    reader.Read();
                    result.FailedEntries = JsonOutput.ObjectList(ref reader, ReadTargetFailure);
                }
                else { reader.Read(); reader.Skip(); }
            }
            return result;
        }

        private static TargetFailure ReadTargetFailure(ref Utf8JsonReader reader)
        {
            string id = "", code = "", message = "";
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("TargetId")) { reader.Read(); id = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("ErrorCode")) { reader.Read(); code = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("ErrorMessage")) { reader.Read(); message = JsonOutput.String(ref reader) ?? ""; }
                else { reader.Read(); reader.Skip(); }
            }
            return new TargetFailure(id, code, message);
        }

        internal static TargetPage ReadTargetPage(ref Utf8JsonReader reader)
        {
            var items = JsonOutput.ListPage(ref reader, "Targets", "NextToken", ReadTarget, out var nextToken);
            return new TargetPage { Targets = items, NextToken = nextToken };
        }

        private static RuleTarget ReadTarget(ref Utf8JsonReader reader)
        {
            var target = new RuleTarget();
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("Id")) { reader.Read(); target.Id = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("Arn")) { reader.Read(); target.Arn = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("RoleArn")) { reader.Read(); target.RoleArn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("Input")) { reader.Read(); target.Input = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("InputPath")) { reader.Read(); target.InputPath = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("InputTransformer"))
                {
                    reader.Read();
                    if (!JsonOutput.IsObject(ref reader)) continue;
                    var transformer = new InputTransformer();
                    while (JsonOutput.NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("InputTemplate")) { reader.Read(); transformer.InputTemplate = JsonOutput.String(ref reader) ?? ""; }
                        else if (reader.ValueTextEquals("InputPathsMap"))
                        {
                            reader.Read();
                            var map = new Dictionary<string, string>(StringComparer.Ordinal);
                            if (JsonOutput.IsObject(ref reader))
                            {
                                while (JsonOutput.NextProperty(ref reader))
                                {
                                    string key = reader.GetString()!;
                                    reader.Read();
                                    map[key] = JsonOutput.String(ref reader) ?? "";
                                }
                            }
                            transformer.InputPathsMap = map;
                        }
                        else { reader.Read(); reader.Skip(); }
                    }
                    target.InputTransformer = transformer;
                }
                else { reader.Read(); reader.Skip(); }
            }
            return target;
        }

        internal static bool ReadTestResult(ref Utf8JsonReader reader)
        {
            bool result = false;
            if (JsonOutput.StartObject(ref reader))
            {
                while (JsonOutput.NextProperty(ref reader))
                {
                    bool isResult = reader.ValueTextEquals("Result");
                    reader.Read();
                    if (isResult) result = JsonOutput.Boolean(ref reader);
                    else reader.Skip();
                }
            }
            return result;
        }

        internal static IReadOnlyDictionary<string, string> ReadTags(ref Utf8JsonReader reader)
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!JsonOutput.StartObject(ref reader)) return tags;
            while (JsonOutput.NextProperty(ref reader))
            {
                bool isTags = reader.ValueTextEquals("Tags");
                reader.Read();
                if (!isTags) { reader.Skip(); continue; }
                if (!JsonOutput.IsArray(ref reader)) continue;
                while (JsonOutput.NextElement(ref reader))
                {
                    if (!JsonOutput.IsObject(ref reader)) continue;
                    string key = "", value = "";
                    while (JsonOutput.NextProperty(ref reader))
                    {
                        bool isKey = reader.ValueTextEquals("Key");
                        bool isValue = reader.ValueTextEquals("Value");
                        reader.Read();
                        if (isKey) key = JsonOutput.String(ref reader) ?? "";
                        else if (isValue) value = JsonOutput.String(ref reader) ?? "";
                        else reader.Skip();
                    }
                    tags[key] = value;
                }
            }
            return tags;
        }
    }
}
