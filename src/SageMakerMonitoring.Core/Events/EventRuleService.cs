using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// Manages EventBridge rules and their targets in the several steps the service needs: validates patterns locally
    /// before anything is sent, creates a rule with its targets and undoes it when a target is refused (unless asked
    /// to keep it), sends at most 10 targets per call and retries the entries refused with
    /// <c>ConcurrentModificationException</c>, removes targets before deleting a rule, reads a rule before changing it
    /// (PutRule replaces the whole rule), and lists rules with wildcard names, decoded patterns and targets.
    /// </summary>
    public sealed class EventRuleService
    {
        /// <summary>PutTargets and RemoveTargets accept at most this many entries per call.</summary>
        public const int MaxTargetsPerCall = 10;

        /// <summary>ListRules and ListTargetsByRule answer at most this many per page.</summary>
        public const int MaxPageSize = 100;

        private const string DeploymentDetailType = "SageMaker Endpoint Deployment State Change";

        private readonly IEventBridgeClient _client;
        private readonly IOperationReporter _reporter;
        private readonly TimeSpan _retryDelay;
        private readonly int _maxAttempts;

        public EventRuleService(IEventBridgeClient client, IOperationReporter? reporter = null, TimeSpan? retryDelay = null, int maxAttempts = 4)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _reporter = reporter ?? NullOperationReporter.Instance;
            _retryDelay = retryDelay ?? TimeSpan.FromMilliseconds(200);
            _maxAttempts = Math.Max(1, maxAttempts);
        }

        /// <summary>Page size for ListRules (tests use small pages to exercise paging).</summary>
        public int PageSize { get; set; } = MaxPageSize;

        // ---- validation --------------------------------------------------------------------------------------

        /// <summary>
        /// Validates a pattern with EventBridge's rules. Throws <see cref="MonitoringException"/> with error id
        /// <c>InvalidEventPattern</c> naming the offending path and the reason, or <c>EventPatternTooLarge</c>.
        /// </summary>
        public static EventPattern ValidatePattern(string pattern)
        {
            try
            {
                return EventPattern.Parse(pattern);
            }
            catch (EventPatternException e)
            {
                throw EventPatternErrors.Invalid(e, pattern);
            }
        }

        /// <summary>When the pattern selects endpoint deployment events, warns which endpoints never emit them.</summary>
        public void WarnAboutDeploymentGuardrails(string? pattern)
        {
            if (pattern == null || !EventPatternDecoder.DetailTypes(pattern).Contains(DeploymentDetailType)) return;
            var features = string.Join("; ", DeploymentGuardrailExclusions.All.Where(x => x.CurrentlyDocumented).Select(x => x.Feature + " (" + x.Consequence + ")"));
            _reporter.Warning("This rule selects '" + DeploymentDetailType + "' events, which describe deployment guardrail steps. "
                + "Endpoints using features excluded from deployment guardrails never emit the canary, linear, rolling or baking steps: "
                + features + ".");
        }

        // ---- reading -----------------------------------------------------------------------------------------

        /// <summary>DescribeRule; null when the rule does not exist.</summary>
        public async Task<RuleInfo?> FindRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken)
        {
            try
            {
                return await _client.DescribeRuleAsync(name, eventBusName, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.IsNotFound)
            {
                return null;
            }
        }

        /// <summary>One rule with its targets; <c>EventRuleNotFound</c> when it does not exist.</summary>
        public async Task<EventRule> GetRuleAsync(string name, string? eventBusName, bool includeTargets, CancellationToken cancellationToken)
        {
            var info = await RequireRuleAsync(name, eventBusName, cancellationToken).ConfigureAwait(false);
            var targets = includeTargets ? await ListTargetsAsync(info.Name, eventBusName, cancellationToken).ConfigureAwait(false) : null;
            return ToEventRule(info, eventBusName, targets);
        }

        /// <summary>
        /// Streams rules page by page. <paramref name="nameFilter"/> may use <c>*</c>/<c>?</c> (the text before the first
        /// wildcard goes to ListRules as NamePrefix); a name without wildcards is read with DescribeRule. Unless
        /// <paramref name="all"/>, only rules that select SageMaker events are returned.
        /// </summary>
        public async IAsyncEnumerable<EventRule> GetRulesAsync(string? nameFilter, bool all, bool includeTargets, string? eventBusName,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var filter = string.IsNullOrEmpty(nameFilter) ? null : new RuleNameFilter(nameFilter!);
            if (filter != null && !filter.HasWildcard)
            {
                yield return await GetRuleAsync(filter.Pattern, eventBusName, includeTargets, cancellationToken).ConfigureAwait(false);
                yield break;
            }

            var prefix = filter != null && filter.Prefix.Length > 0 ? filter.Prefix : null;
            string? token = null;
            var page = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await _client.ListRulesAsync(prefix, eventBusName, token, PageSize, cancellationToken).ConfigureAwait(false);
                page++;
                _reporter.Verbose("ListRules page " + page + ": " + result.Rules.Count + " rule(s)" + (result.NextToken != null ? ", more to come" : ""));
                foreach (var info in result.Rules)
                {
                    if (filter != null && !filter.IsMatch(info.Name)) continue;
                    if (!all && !EventPatternDecoder.SelectsSageMaker(info.EventPattern)) continue;
                    var targets = includeTargets ? await ListTargetsAsync(info.Name, eventBusName, cancellationToken).ConfigureAwait(false) : null;
                    yield return ToEventRule(info, eventBusName, targets);
                }
                token = result.NextToken;
            }
            while (token != null);
        }

        /// <summary>Streams a rule's targets page by page.</summary>
        public async IAsyncEnumerable<EventRuleTarget> GetTargetsAsync(string rule, string? eventBusName, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var bus = eventBusName ?? "default";
            string? token = null;
            do
            {
                TargetPage page;
                try
                {
                    page = await _client.ListTargetsByRuleAsync(rule, eventBusName, token, MaxPageSize, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsServiceException e) when (e.IsNotFound)
                {
                    throw NotFound(rule, eventBusName, e);
                }
                foreach (var t in page.Targets) yield return EventRuleTarget.From(rule, bus, t);
                token = page.NextToken;
            }
            while (token != null);
        }

        private async Task<List<EventRuleTarget>> ListTargetsAsync(string rule, string? eventBusName, CancellationToken cancellationToken)
        {
            var list = new List<EventRuleTarget>();
            await foreach (var t in GetTargetsAsync(rule, eventBusName, cancellationToken).ConfigureAwait(false)) list.Add(t);
            return list;
        }

        // ---- creating ----------------------------------------------------------------------------------------

        /// <summary>
        /// Creates (or, with <paramref name="replaceExisting"/>, replaces) a rule and adds its targets. When a target is
        /// refused, everything this call did is undone (a new rule is deleted; a replaced rule gets its previous
        /// definition and targets back) unless <paramref name="keepOnFailure"/>. The result says what remains.
        /// </summary>
        public async Task<EventRuleChangeResult> CreateRuleAsync(EventRuleDefinition definition, IReadOnlyList<RuleTarget> targets,
            bool replaceExisting, bool keepOnFailure, CancellationToken cancellationToken)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            targets ??= Array.Empty<RuleTarget>();
            if (definition.EventPattern == null && definition.ScheduleExpression == null)
            {
                throw new MonitoringException("EventPatternRequired", ErrorKind.InvalidArgument,
                    "Rule '" + definition.Name + "' needs an event pattern or a schedule expression.", definition.Name);
            }
            if (definition.EventPattern != null) ValidatePattern(definition.EventPattern);
            CheckTargetIds(targets);

            var bus = definition.EventBusName;
            var previous = await FindRuleAsync(definition.Name, bus, cancellationToken).ConfigureAwait(false);
            List<EventRuleTarget>? previousTargets = null;
            if (previous != null)
            {
                if (!replaceExisting)
                {
                    throw new MonitoringException("EventRuleExists", ErrorKind.ResourceExists,
                        "Rule '" + definition.Name + "' already exists on event bus '" + BusLabel(bus) + "'. Use -Force to replace it.", definition.Name);
                }
                if (previous.ManagedBy != null)
                {
                    throw new MonitoringException("ManagedRule", ErrorKind.PermissionDenied,
                        "Rule '" + definition.Name + "' is managed by " + previous.ManagedBy + " and cannot be replaced.", definition.Name);
                }
                previousTargets = await ListTargetsAsync(definition.Name, bus, cancellationToken).ConfigureAwait(false);
                _reporter.Verbose("Replacing rule '" + definition.Name + "' (it has " + previousTargets.Count + " target(s)).");
            }

            WarnAboutDeploymentGuardrails(definition.EventPattern);
            await _client.PutRuleAsync(new PutRuleRequest
            {
                Name = definition.Name,
                EventBusName = bus,
                EventPattern = definition.EventPattern,
                ScheduleExpression = definition.ScheduleExpression,
                State = definition.State ?? "ENABLED",
                Description = definition.Description,
                RoleArn = definition.RoleArn,
                Tags = definition.Tags,
            }, cancellationToken).ConfigureAwait(false);
            _reporter.Verbose((previous == null ? "Created" : "Replaced") + " rule '" + definition.Name + "'.");

            if (targets.Count == 0)
            {
                var done = await GetRuleAsync(definition.Name, bus, true, cancellationToken).ConfigureAwait(false);
                return new EventRuleChangeResult(done, Array.Empty<TargetFailure>(), true, false, DescribeState(done));
            }

            var outcome = await PutTargetsAsync(definition.Name, bus, targets, cancellationToken).ConfigureAwait(false);
            if (outcome.AllSucceeded)
            {
                var done = await GetRuleAsync(definition.Name, bus, true, cancellationToken).ConfigureAwait(false);
                return new EventRuleChangeResult(done, outcome.Failed, true, false, DescribeState(done));
            }

            var refused = string.Join(", ", outcome.Failed.Select(f => f.TargetId));
            if (keepOnFailure)
            {
                var kept = await GetRuleAsync(definition.Name, bus, true, cancellationToken).ConfigureAwait(false);
                return new EventRuleChangeResult(kept, outcome.Failed, false, false,
                    DescribeState(kept) + " Target(s) " + refused + " were not added; the rule was kept as asked.");
            }

            // Undo.
            try
            {
                string state;
                if (previous == null)
                {
                    var cleanup = await RemoveTargetsAsync(definition.Name, bus, outcome.Succeeded, cancellationToken).ConfigureAwait(false);
                    if (!cleanup.AllSucceeded)
                    {
                        var left = await GetRuleAsync(definition.Name, bus, true, cancellationToken).ConfigureAwait(false);
                        return new EventRuleChangeResult(left, outcome.Failed.Concat(cleanup.Failed).ToList(), false, false,
                            "Target(s) " + refused + " were refused, and undoing failed: " + DescribeState(left)
                            + " Remove it with Remove-SageMakerEventRule.");
                    }
                    await _client.DeleteRuleAsync(definition.Name, bus, false, cancellationToken).ConfigureAwait(false);
                    state = "Target(s) " + refused + " were refused, so the new rule '" + definition.Name + "' and its "
                        + outcome.Succeeded.Count + " accepted target(s) were removed again: nothing was created.";
                }
                else
                {
                    var previousIds = new HashSet<string>(previousTargets!.Select(t => t.Id), StringComparer.Ordinal);
                    var added = outcome.Succeeded.Where(id => !previousIds.Contains(id)).ToList();
                    var overwritten = previousTargets!.Where(t => outcome.Succeeded.Contains(t.Id)).Select(t => t.ToRuleTarget()).ToList();
                    var undoFailures = new List<TargetFailure>();
                    if (added.Count > 0) undoFailures.AddRange((await RemoveTargetsAsync(definition.Name, bus, added, cancellationToken).ConfigureAwait(false)).Failed);
                    if (overwritten.Count > 0) undoFailures.AddRange((await PutTargetsAsync(definition.Name, bus, overwritten, cancellationToken).ConfigureAwait(false)).Failed);
                    await _client.PutRuleAsync(new PutRuleRequest
                    {
                        Name = previous.Name,
                        EventBusName = bus,
                        EventPattern = previous.EventPattern,
                        ScheduleExpression = previous.ScheduleExpression,
                        State = previous.State,
                        Description = previous.Description,
                        RoleArn = previous.RoleArn,
                    }, cancellationToken).ConfigureAwait(false);
                    var restored = await GetRuleAsync(definition.Name, bus, true, cancellationToken).ConfigureAwait(false);
                    if (undoFailures.Count > 0)
                    {
                        return new EventRuleChangeResult(restored, outcome.Failed.Concat(undoFailures).ToList(), false, false,
                            "Target(s) " + refused + " were refused, and restoring the previous targets failed for "
                            + string.Join(", ", undoFailures.Select(f => f.TargetId)) + ": " + DescribeState(restored));
                    }
                    state = "Target(s) " + refused + " were refused, so rule '" + definition.Name
                        + "' was put back as it was before: " + DescribeState(restored);
                    return new EventRuleChangeResult(restored, outcome.Failed, false, true, state);
                }
                return new EventRuleChangeResult(null, outcome.Failed, false, true, state);
            }
            catch (AwsServiceException e)
            {
                var left = await FindRuleAsync(definition.Name, bus, CancellationToken.None).ConfigureAwait(false);
                var where = left == null ? "the rule no longer exists." : "rule '" + definition.Name + "' still exists (" + left.State + ").";
                return new EventRuleChangeResult(null, outcome.Failed, false, false,
                    "Target(s) " + refused + " were refused, and undoing failed (" + e.ErrorCode + ": " + e.Message + "); " + where);
            }
        }

        // ---- changing ----------------------------------------------------------------------------------------

        /// <summary>Reads the rule and puts it back with the given changes; everything not given keeps its value.</summary>
        public async Task<EventRule> UpdateRuleAsync(EventRuleUpdate update, CancellationToken cancellationToken)
        {
            if (update == null) throw new ArgumentNullException(nameof(update));
            if (update.EventPattern != null) ValidatePattern(update.EventPattern);
            var current = await RequireRuleAsync(update.Name, update.EventBusName, cancellationToken).ConfigureAwait(false);
            if (current.ManagedBy != null)
            {
                throw new MonitoringException("ManagedRule", ErrorKind.PermissionDenied,
                    "Rule '" + update.Name + "' is managed by " + current.ManagedBy + " and cannot be changed.", update.Name);
            }
            var request = MergedRequest(current, update);
            WarnAboutDeploymentGuardrails(update.EventPattern);
            await _client.PutRuleAsync(request, cancellationToken).ConfigureAwait(false);
            _reporter.Verbose("Updated rule '" + update.Name + "'.");
            return await GetRuleAsync(update.Name, update.EventBusName, true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The PutRule request that applies <paramref name="update"/> to <paramref name="current"/>.</summary>
        public static PutRuleRequest MergedRequest(RuleInfo current, EventRuleUpdate update) => new PutRuleRequest
        {
            Name = current.Name,
            EventBusName = update.EventBusName,
            EventPattern = update.EventPattern ?? current.EventPattern,
            ScheduleExpression = update.ScheduleExpression ?? current.ScheduleExpression,
            State = update.State ?? current.State,
            Description = update.Description ?? current.Description,
            RoleArn = update.RoleArn ?? current.RoleArn,
        };

        /// <summary>EnableRule or DisableRule, then the rule as it now is.</summary>
        public async Task<EventRule> SetEnabledAsync(string name, string? eventBusName, bool enabled, CancellationToken cancellationToken)
        {
            try
            {
                if (enabled) await _client.EnableRuleAsync(name, eventBusName, cancellationToken).ConfigureAwait(false);
                else await _client.DisableRuleAsync(name, eventBusName, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.IsNotFound)
            {
                throw NotFound(name, eventBusName, e);
            }
            return await GetRuleAsync(name, eventBusName, true, cancellationToken).ConfigureAwait(false);
        }

        // ---- removing ----------------------------------------------------------------------------------------

        /// <summary>Removes every target of the rule, then the rule. When a target cannot be removed the rule is kept.</summary>
        public async Task<EventRuleChangeResult> RemoveRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken)
        {
            var info = await RequireRuleAsync(name, eventBusName, cancellationToken).ConfigureAwait(false);
            var targets = await ListTargetsAsync(name, eventBusName, cancellationToken).ConfigureAwait(false);
            if (targets.Count > 0)
            {
                var outcome = await RemoveTargetsAsync(name, eventBusName, targets.Select(t => t.Id).ToList(), cancellationToken).ConfigureAwait(false);
                if (!outcome.AllSucceeded)
                {
                    var left = await GetRuleAsync(name, eventBusName, true, cancellationToken).ConfigureAwait(false);
                    return new EventRuleChangeResult(left, outcome.Failed, false, false,
                        "Rule '" + name + "' was not deleted because target(s) " + string.Join(", ", outcome.Failed.Select(f => f.TargetId))
                        + " could not be removed" + (outcome.Succeeded.Count > 0 ? " (removed: " + string.Join(", ", outcome.Succeeded) + ")" : "")
                        + ". " + DescribeState(left));
                }
                _reporter.Verbose("Removed " + outcome.Succeeded.Count + " target(s) of rule '" + name + "'.");
            }
            await _client.DeleteRuleAsync(name, eventBusName, info.ManagedBy != null, cancellationToken).ConfigureAwait(false);
            return new EventRuleChangeResult(null, Array.Empty<TargetFailure>(), true, false,
                "Rule '" + name + "' and its " + targets.Count + " target(s) were deleted.");
        }

        // ---- targets -----------------------------------------------------------------------------------------

        /// <summary>PutTargets in batches of at most 10, retrying entries refused with ConcurrentModificationException.</summary>
        public Task<TargetChangeOutcome> PutTargetsAsync(string rule, string? eventBusName, IReadOnlyList<RuleTarget> targets, CancellationToken cancellationToken)
        {
            CheckTargetIds(targets);
            var byId = new Dictionary<string, RuleTarget>(StringComparer.Ordinal);
            foreach (var t in targets) byId[t.Id] = t;
            return ChangeTargetsAsync(rule, eventBusName, byId.Keys.ToList(), "PutTargets",
                (ids, ct) => _client.PutTargetsAsync(rule, eventBusName, ids.Select(id => byId[id]).ToList(), ct), cancellationToken);
        }

        /// <summary>RemoveTargets in batches of at most 10, retrying entries refused with ConcurrentModificationException.</summary>
        public Task<TargetChangeOutcome> RemoveTargetsAsync(string rule, string? eventBusName, IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
            return ChangeTargetsAsync(rule, eventBusName, distinct, "RemoveTargets",
                (batch, ct) => _client.RemoveTargetsAsync(rule, eventBusName, batch, false, ct), cancellationToken);
        }

        private async Task<TargetChangeOutcome> ChangeTargetsAsync(string rule, string? eventBusName, IReadOnlyList<string> ids, string operation,
            Func<IReadOnlyList<string>, CancellationToken, Task<TargetChangeResult>> call, CancellationToken cancellationToken)
        {
            if (ids.Count == 0) return TargetChangeOutcome.Empty;
            var succeeded = new List<string>();
            var failed = new List<TargetFailure>();
            for (var start = 0; start < ids.Count; start += MaxTargetsPerCall)
            {
                var batch = ids.Skip(start).Take(MaxTargetsPerCall).ToList();
                for (var attempt = 1; ; attempt++)
                {
                    TargetChangeResult result;
                    try
                    {
                        result = await call(batch, cancellationToken).ConfigureAwait(false);
                    }
                    catch (AwsServiceException e) when (e.IsNotFound)
                    {
                        throw NotFound(rule, eventBusName, e);
                    }
                    catch (AwsServiceException e) when (e.IsConcurrentModification && attempt < _maxAttempts)
                    {
                        _reporter.Verbose(operation + " on rule '" + rule + "' answered " + e.ErrorCode + "; retrying (attempt " + (attempt + 1) + ").");
                        await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    var failedIds = new HashSet<string>(result.FailedEntries.Select(f => f.TargetId), StringComparer.Ordinal);
                    succeeded.AddRange(batch.Where(id => !failedIds.Contains(id)));
                    var retry = result.FailedEntries.Where(f => f.Kind == AwsErrorKind.ConcurrentModification).ToList();
                    failed.AddRange(result.FailedEntries.Where(f => f.Kind != AwsErrorKind.ConcurrentModification));
                    if (retry.Count == 0) break;
                    if (attempt >= _maxAttempts)
                    {
                        failed.AddRange(retry);
                        break;
                    }
                    _reporter.Verbose(operation + " on rule '" + rule + "': " + retry.Count + " entr" + (retry.Count == 1 ? "y" : "ies")
                        + " refused with " + retry[0].ErrorCode + "; retrying them (attempt " + (attempt + 1) + ").");
                    await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    batch = retry.Select(f => f.TargetId).ToList();
                }
            }
            return new TargetChangeOutcome(succeeded, failed);
        }

        private TimeSpan Backoff(int attempt) => TimeSpan.FromTicks(_retryDelay.Ticks * (1L << Math.Min(attempt - 1, 6)));

        private static void CheckTargetIds(IReadOnlyList<RuleTarget> targets)
        {
            foreach (var t in targets)
            {
                if (string.IsNullOrEmpty(t.Id)) throw new MonitoringException("TargetIdRequired", ErrorKind.InvalidArgument, "Every target needs an id.", t.Arn);
                if (string.IsNullOrEmpty(t.Arn)) throw new MonitoringException("TargetArnRequired", ErrorKind.InvalidArgument, "Target '" + t.Id + "' needs an ARN.", t.Id);
                var inputs = (t.Input != null ? 1 : 0) + (t.InputPath != null ? 1 : 0) + (t.InputTransformer != null ? 1 : 0);
                if (inputs > 1)
                {
                    throw new MonitoringException("TargetInputConflict", ErrorKind.InvalidArgument,
                        "Target '" + t.Id + "' may have only one of Input, InputPath and InputTransformer.", t.Id);
                }
            }
        }

        /// <summary>A target id derived from an ARN: its last segment, reduced to the characters EventBridge allows.</summary>
        public static string TargetIdFromArn(string arn)
        {
            var trimmed = arn.TrimEnd('/', ':');
            var cut = Math.Max(trimmed.LastIndexOf(':'), trimmed.LastIndexOf('/'));
            var tail = cut >= 0 ? trimmed.Substring(cut + 1) : trimmed;
            var chars = tail.Select(c => char.IsLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '-').ToArray();
            var id = new string(chars).Trim('-');
            if (id.Length == 0) id = "target";
            return id.Length > 64 ? id.Substring(0, 64) : id;
        }

        // ---- helpers -----------------------------------------------------------------------------------------

        private async Task<RuleInfo> RequireRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken)
        {
            try
            {
                return await _client.DescribeRuleAsync(name, eventBusName, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.IsNotFound)
            {
                throw NotFound(name, eventBusName, e);
            }
        }

        private static MonitoringException NotFound(string name, string? eventBusName, Exception inner)
            => new MonitoringException("EventRuleNotFound", ErrorKind.ObjectNotFound,
                "Rule '" + name + "' does not exist on event bus '" + BusLabel(eventBusName) + "'.", name, inner);

        private static string BusLabel(string? eventBusName) => eventBusName ?? "default";

        private static string DescribeState(EventRule rule)
            => "Rule '" + rule.Name + "' exists (" + rule.State + ") with " + rule.Targets.Count + " target(s)"
               + (rule.Targets.Count > 0 ? ": " + string.Join(", ", rule.Targets.Select(t => t.Id)) : "") + ".";

        internal static EventRule ToEventRule(RuleInfo info, string? eventBusName, IReadOnlyList<EventRuleTarget>? targets) => new EventRule
        {
            Name = info.Name,
            Arn = info.Arn,
            EventBusName = info.EventBusName ?? eventBusName ?? "default",
            State = info.State,
            Description = info.Description,
            EventPattern = info.EventPattern,
            Pattern = EventPatternDecoder.Decode(info.EventPattern),
            DetailTypes = EventPatternDecoder.DetailTypes(info.EventPattern),
            EventTypes = EventPatternDecoder.EventTypes(info.EventPattern),
            IsSageMakerRule = EventPatternDecoder.SelectsSageMaker(info.EventPattern),
            ScheduleExpression = info.ScheduleExpression,
            RoleArn = info.RoleArn,
            ManagedBy = info.ManagedBy,
            CreatedBy = info.CreatedBy,
            Targets = targets ?? (IReadOnlyList<EventRuleTarget>)Array.Empty<EventRuleTarget>(),
        };
    }
}
