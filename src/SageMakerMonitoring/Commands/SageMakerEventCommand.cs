using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Base of the EventBridge cmdlets: <c>-EventBusName</c>, the rule service, turning PowerShell values (JSON text,
    /// hashtables, objects) into JSON, confirmation with <c>-Force</c>, and per-target errors.
    /// </summary>
    public abstract class SageMakerEventCommand : SageMakerMonitoringCmdlet
    {
        /// <summary>The event bus (name or ARN); default: the account's default bus.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? EventBusName { get; set; }

        /// <summary>The bus to send, null for the default bus (so requests stay as small as the CLI's).</summary>
        protected string? Bus => string.IsNullOrEmpty(EventBusName) || EventBusName == "default" ? null : EventBusName;

        protected string BusLabel => EventBusName ?? "default";

        protected EventRuleService CreateService(IOperationReporter reporter) => new EventRuleService(Clients.CreateEventBridge(), reporter);

        /// <summary>
        /// Confirmation for a change. <paramref name="force"/> skips the prompt, but -WhatIf (parameter or
        /// $WhatIfPreference) and an explicit -Confirm still apply.
        /// </summary>
        protected bool ShouldChange(string target, string action, bool force)
        {
            var whatIf = MyInvocation.BoundParameters.ContainsKey("WhatIf")
                ? ((SwitchParameter)MyInvocation.BoundParameters["WhatIf"]).IsPresent
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            if (force && !whatIf && !MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                WriteVerbose("Performing the operation \"" + action + "\" on target \"" + target + "\" (-Force).");
                return true;
            }
            return ShouldProcess(target, action);
        }

        /// <summary>One non-terminating error per refused target entry, naming the target id and the service's error code.</summary>
        protected static void WriteTargetFailures(CmdletOutput output, string rule, IEnumerable<TargetFailure> failures, string verb)
        {
            foreach (var f in failures)
            {
                var error = new MonitoringException(string.IsNullOrEmpty(f.ErrorCode) ? "TargetChangeFailed" : f.ErrorCode, KindOf(f),
                    "Target '" + f.TargetId + "' of rule '" + rule + "' was not " + verb + ": " + f.ErrorCode + ": " + f.ErrorMessage, f.TargetId);
                output.WriteError(ErrorRecordFactory.Create(error, f.TargetId));
            }
        }

        private static ErrorKind KindOf(TargetFailure failure) =>
            Enum.TryParse<ErrorKind>(ErrorRecordFactory.CategoryOf(failure.Kind).ToString(), out var kind) ? kind : ErrorKind.InvalidOperation;

        /// <summary>
        /// JSON for a value given as JSON text, a hashtable/dictionary, an object (its properties), an array, or a
        /// sample event (its JSON).
        /// </summary>
        internal static string ToJson(object? value)
        {
            var plain = ToPlain(value, 0);
            return plain is string text ? text : EventJsonWriter.Write(plain);
        }

        /// <summary>Turns PowerShell objects into dictionaries, lists and primitives; a top-level string stays JSON text.</summary>
        private static object? ToPlain(object? value, int depth)
        {
            if (depth > 64) throw new ArgumentException("The value is nested more than 64 levels deep.");
            if (value is PSCustomObject) value = PSObject.AsPSObject(value);
            if (value is PSObject pso)
            {
                var baseObject = pso.BaseObject;
                if (baseObject is PSCustomObject)
                {
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var p in pso.Properties)
                    {
                        if (p.MemberType == PSMemberTypes.NoteProperty || p.MemberType == PSMemberTypes.Property) map[p.Name] = Nested(p.Value, depth);
                    }
                    return map;
                }
                value = baseObject;
            }
            switch (value)
            {
                case null:
                    return null;
                case SageMakerSampleEvent sample:
                    return sample.Json;
                case string s:
                    return s;
                case IDictionary dictionary:
                {
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry e in dictionary) map[Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = Nested(e.Value, depth);
                    return map;
                }
                case IEnumerable list:
                    return list.Cast<object?>().Select(v => Nested(v, depth)).ToList();
                default:
                    return value;
            }
        }

        private static object? Nested(object? value, int depth)
        {
            var plain = ToPlain(value, depth + 1);
            // Inside a structure a string is a string value, not JSON text; sample events nest as their JSON object.
            if (value is SageMakerSampleEvent || (value is PSObject p && p.BaseObject is SageMakerSampleEvent))
            {
                return EventPatternDecoder.Decode((string)plain!);
            }
            return plain;
        }

        /// <summary>
        /// A target from what the user gave: an ARN string (the id is derived from it), a hashtable or object with
        /// Id/Arn/RoleArn/Input/InputPath/InputTransformer, or a target from Get-SageMakerEventRuleTarget.
        /// </summary>
        protected static RuleTarget ToRuleTarget(object? value)
        {
            if (value is PSObject pso && !(pso.BaseObject is PSCustomObject)) value = pso.BaseObject;
            switch (value)
            {
                case null:
                    throw new ArgumentException("A target cannot be null.");
                case string arn:
                    return new RuleTarget { Id = EventRuleService.TargetIdFromArn(arn), Arn = arn };
                case EventRuleTarget target:
                    return target.ToRuleTarget();
                case RuleTarget ruleTarget:
                    return ruleTarget;
            }
            var map = ToPlain(value, 0) as IDictionary<string, object?>
                ?? throw new ArgumentException("A target must be an ARN, a hashtable or an object with Arn and Id; got " + value.GetType().Name + ".");
            string? Get(string key)
            {
                foreach (var pair in map) if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)) return pair.Value == null ? null : pair.Value is string s ? s : EventJsonWriter.Write(pair.Value);
                return null;
            }
            object? Raw(string key)
            {
                foreach (var pair in map) if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)) return pair.Value;
                return null;
            }
            var targetArn = Get("Arn") ?? throw new ArgumentException("A target needs an Arn.");
            var result = new RuleTarget
            {
                Id = Get("Id") ?? EventRuleService.TargetIdFromArn(targetArn),
                Arn = targetArn,
                RoleArn = Get("RoleArn"),
                Input = Get("Input"),
                InputPath = Get("InputPath"),
            };
            var transformer = Raw("InputTransformer");
            if (transformer != null) result.InputTransformer = ToInputTransformer(transformer);
            else if (Raw("InputTemplate") != null) result.InputTransformer = ToInputTransformer(map);
            return result;
        }

        /// <summary>An input transformer from a hashtable with InputPathsMap (hashtable) and InputTemplate (string).</summary>
        protected static InputTransformer ToInputTransformer(object value)
        {
            var map = ToPlain(value, 0) as IDictionary<string, object?>
                ?? throw new ArgumentException("An input transformer is a hashtable with InputPathsMap and InputTemplate.");
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            string? template = null;
            foreach (var pair in map)
            {
                if (string.Equals(pair.Key, "InputTemplate", StringComparison.OrdinalIgnoreCase)) template = pair.Value as string ?? EventJsonWriter.Write(pair.Value);
                else if (string.Equals(pair.Key, "InputPathsMap", StringComparison.OrdinalIgnoreCase) && pair.Value is IDictionary<string, object?> pathMap)
                {
                    foreach (var path in pathMap) paths[path.Key] = Convert.ToString(path.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                }
                else throw new ArgumentException("Unknown input transformer key '" + pair.Key + "'; use InputPathsMap and InputTemplate.");
            }
            return new InputTransformer { InputPathsMap = paths, InputTemplate = template ?? throw new ArgumentException("An input transformer needs an InputTemplate.") };
        }

        /// <summary>Builds a pattern from catalog event types, statuses and resource names (wildcards allowed).</summary>
        protected static string BuildPattern(string[] eventTypes, string[]? statuses, string[]? resourceNames)
        {
            try
            {
                return SageMakerEventPatternBuilder.Build(eventTypes, statuses, resourceNames);
            }
            catch (ArgumentException e)
            {
                throw new MonitoringException("InvalidEventTypeFilter", ErrorKind.InvalidArgument, e.Message, eventTypes, e);
            }
        }

        /// <summary>EventBridge's spelling of a rule state given as Enabled/Disabled/EnabledWithAllCloudTrailManagementEvents (any case).</summary>
        protected static string? NormalizeState(string? state)
        {
            if (state == null) return null;
            var key = state.Replace("_", "").ToUpperInvariant();
            switch (key)
            {
                case "ENABLED": return "ENABLED";
                case "DISABLED": return "DISABLED";
                case "ENABLEDWITHALLCLOUDTRAILMANAGEMENTEVENTS": return "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
                default: throw new ArgumentException("State must be Enabled, Disabled or EnabledWithAllCloudTrailManagementEvents.");
            }
        }
    }
}
