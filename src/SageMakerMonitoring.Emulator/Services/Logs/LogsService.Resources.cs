using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    // Log groups, log streams, PutLogEvents and the Describe operations.
    public sealed partial class LogsService
    {
        private const int MaxBatchBytes = 1_048_576;
        private const int PerEventOverheadBytes = 26;
        private const int MaxBatchEvents = 10_000;
        private const long MaxBatchSpanMilliseconds = 24L * 3600 * 1000;
        private const long MaxFutureMilliseconds = 2L * 3600 * 1000;
        private const long MaxAgeMilliseconds = 14L * 24 * 3600 * 1000;

        private static readonly Regex GroupNamePattern = new Regex(@"^[\.\-_/#A-Za-z0-9]{1,512}$", RegexOptions.CultureInvariant);

        private JsonNode? CreateLogGroup(JsonObject request)
        {
            string name = LogsRequest.RequireString(request, "logGroupName");
            ValidateGroupName(name);
            long now = NowMilliseconds();
            _lock.EnterWriteLock();
            try
            {
                if (_groups.ContainsKey(name)) throw new AwsErrorException("ResourceAlreadyExistsException", "The specified log group already exists");
                GetOrCreateGroup(name, now);
            }
            finally { _lock.ExitWriteLock(); }
            return null;
        }

        private JsonNode? DeleteLogGroup(JsonObject request)
        {
            string name = LogsRequest.RequireString(request, "logGroupName");
            _lock.EnterWriteLock();
            try
            {
                if (!_groups.Remove(name)) throw LogsErrors.GroupNotFound();
            }
            finally { _lock.ExitWriteLock(); }
            return null;
        }

        private JsonNode? CreateLogStream(JsonObject request)
        {
            string groupName = LogsRequest.RequireString(request, "logGroupName");
            string streamName = LogsRequest.RequireString(request, "logStreamName");
            ValidateStreamName(streamName);
            long now = NowMilliseconds();
            _lock.EnterWriteLock();
            try
            {
                if (!_groups.TryGetValue(groupName, out LogGroupState? group)) throw LogsErrors.GroupNotFound();
                if (group.Streams.ContainsKey(streamName)) throw new AwsErrorException("ResourceAlreadyExistsException", "The specified log stream already exists");
                group.Streams[streamName] = NewStream(group, streamName, now, new StoredLogEventStore());
            }
            finally { _lock.ExitWriteLock(); }
            return null;
        }

        private JsonNode? DeleteLogStream(JsonObject request)
        {
            string groupName = LogsRequest.RequireString(request, "logGroupName");
            string streamName = LogsRequest.RequireString(request, "logStreamName");
            _lock.EnterWriteLock();
            try
            {
                if (!_groups.TryGetValue(groupName, out LogGroupState? group)) throw LogsErrors.GroupNotFound();
                if (!group.Streams.Remove(streamName)) throw LogsErrors.StreamNotFound();
            }
            finally { _lock.ExitWriteLock(); }
            return null;
        }

        /// <summary>
        /// Validates the batch as CloudWatch Logs does (chronological, ≤ 10,000 events, ≤ 1,048,576 bytes counting 26
        /// bytes per event, span ≤ 24 h), rejects events more than 2 h in the future or older than 14 days (reported
        /// in rejectedLogEventsInfo), stores the rest with the current time as ingestion time.
        /// </summary>
        private JsonNode PutLogEvents(JsonObject request)
        {
            string groupName = LogsRequest.RequireString(request, "logGroupName");
            string streamName = LogsRequest.RequireString(request, "logStreamName");
            if (request["logEvents"] is not JsonArray array || array.Count == 0)
                throw LogsErrors.InvalidParameter("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
            if (array.Count > MaxBatchEvents)
                throw LogsErrors.InvalidParameter($"1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to {MaxBatchEvents}");
            var events = new List<LogEventInput>(array.Count);
            long bytes = 0;
            foreach (JsonNode? item in array)
            {
                if (item is not JsonObject e) throw LogsErrors.InvalidParameter("Each log event must be an object.");
                long ts = LogsRequest.GetLong(e, "timestamp") ?? throw LogsErrors.InvalidParameter("1 validation error detected: Value null at 'logEvents.member.timestamp' failed to satisfy constraint: Member must not be null");
                string message = LogsRequest.GetString(e, "message") ?? throw LogsErrors.InvalidParameter("1 validation error detected: Value null at 'logEvents.member.message' failed to satisfy constraint: Member must not be null");
                if (message.Length == 0) throw LogsErrors.InvalidParameter("1 validation error detected: Value '' at 'logEvents.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1");
                bytes += Encoding.UTF8.GetByteCount(message) + PerEventOverheadBytes;
                events.Add(new LogEventInput(ts, message));
            }
            if (bytes > MaxBatchBytes) throw LogsErrors.InvalidParameter($"Upload too large: {bytes} bytes exceeds limit of {MaxBatchBytes}");
            for (int i = 1; i < events.Count; i++)
            {
                if (events[i].Timestamp < events[i - 1].Timestamp)
                    throw LogsErrors.InvalidParameter("Log events in a single PutLogEvents request must be in chronological order.");
            }

            long now = NowMilliseconds();
            int firstTooNew = -1, lastTooOld = -1;
            for (int i = 0; i < events.Count; i++)
            {
                if (events[i].Timestamp < now - MaxAgeMilliseconds) lastTooOld = i;
                else if (events[i].Timestamp > now + MaxFutureMilliseconds && firstTooNew < 0) firstTooNew = i;
            }
            int keepFrom = lastTooOld + 1;
            int keepTo = firstTooNew < 0 ? events.Count : firstTooNew;
            if (keepTo > keepFrom && events[keepTo - 1].Timestamp - events[keepFrom].Timestamp > MaxBatchSpanMilliseconds)
                throw LogsErrors.InvalidParameter("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
            var accepted = events.GetRange(keepFrom, Math.Max(0, keepTo - keepFrom));

            _lock.EnterWriteLock();
            try
            {
                if (!_groups.TryGetValue(groupName, out LogGroupState? group)) throw LogsErrors.GroupNotFound();
                if (!group.Streams.TryGetValue(streamName, out LogStreamState? stream)) throw LogsErrors.StreamNotFound();
                if (stream.Events is not StoredLogEventStore store) throw LogsErrors.InvalidParameter("The specified log stream does not accept events.");
                store.Append(accepted, now);
            }
            finally { _lock.ExitWriteLock(); }

            var response = new JsonObject { ["nextSequenceToken"] = SequenceToken(now) };
            if (lastTooOld >= 0 || firstTooNew >= 0)
            {
                var info = new JsonObject();
                if (firstTooNew >= 0) info["tooNewLogEventStartIndex"] = firstTooNew;
                if (lastTooOld >= 0) info["tooOldLogEventEndIndex"] = lastTooOld;
                response["rejectedLogEventsInfo"] = info;
            }
            return response;
        }

        private JsonNode DescribeLogGroups(JsonObject request)
        {
            string? prefix = LogsRequest.GetString(request, "logGroupNamePrefix");
            string? pattern = LogsRequest.GetString(request, "logGroupNamePattern");
            List<string>? identifiers = LogsRequest.GetStringList(request, "logGroupIdentifiers");
            int limit = ValidateLimit(LogsRequest.GetInt(request, "limit"), 50, 50);
            string? token = LogsRequest.GetString(request, "nextToken");
            if (prefix != null && pattern != null)
                throw LogsErrors.InvalidParameter("LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive parameters.");
            string? after = token == null ? null : DecodeNameToken(token);
            HashSet<string>? wanted = null;
            if (identifiers != null)
            {
                wanted = new HashSet<string>(StringComparer.Ordinal);
                foreach (string id in identifiers) wanted.Add(GroupNameFromIdentifier(id));
            }

            var groups = new JsonArray();
            string? next = null;
            _lock.EnterReadLock();
            try
            {
                string? last = null;
                foreach (KeyValuePair<string, LogGroupState> pair in _groups)
                {
                    string name = pair.Key;
                    if (after != null && string.CompareOrdinal(name, after) <= 0) continue;
                    if (prefix != null && !name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                    if (pattern != null && name.IndexOf(pattern, StringComparison.Ordinal) < 0) continue;
                    if (wanted != null && !wanted.Contains(name)) continue;
                    if (groups.Count == limit)
                    {
                        next = EncodeNameToken(last!);
                        break;
                    }
                    groups.Add(DescribeGroup(pair.Value, pattern != null));
                    last = name;
                }
            }
            finally { _lock.ExitReadLock(); }
            var response = new JsonObject { ["logGroups"] = groups };
            if (next != null) response["nextToken"] = next;
            return response;
        }

        private static JsonObject DescribeGroup(LogGroupState group, bool brief)
        {
            var o = new JsonObject
            {
                ["logGroupName"] = group.Name,
                ["creationTime"] = group.CreationTime,
            };
            if (!brief)
            {
                o["metricFilterCount"] = 0;
            }
            o["arn"] = group.Arn + ":*";
            if (!brief)
            {
                o["storedBytes"] = 0L;
                o["logGroupClass"] = "STANDARD";
                o["logGroupArn"] = group.Arn;
            }
            return o;
        }

        private JsonNode DescribeLogStreams(JsonObject request)
        {
            string groupName = ResolveGroupName(request);
            string? prefix = LogsRequest.GetString(request, "logStreamNamePrefix");
            string orderBy = LogsRequest.GetString(request, "orderBy") ?? "LogStreamName";
            bool descending = LogsRequest.GetBool(request, "descending") ?? false;
            int limit = ValidateLimit(LogsRequest.GetInt(request, "limit"), 50, 50);
            string? token = LogsRequest.GetString(request, "nextToken");
            if (orderBy != "LogStreamName" && orderBy != "LastEventTime")
                throw LogsErrors.InvalidParameter($"1 validation error detected: Value '{orderBy}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]");
            bool byTime = orderBy == "LastEventTime";
            if (byTime && prefix != null)
                throw LogsErrors.InvalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
            int offset = 0;
            if (token != null) offset = DecodeOffsetToken(token);

            var selected = new List<LogStreamState>();
            var streams = new JsonArray();
            string? next = null;
            _lock.EnterReadLock();
            try
            {
                if (!_groups.TryGetValue(groupName, out LogGroupState? group)) throw LogsErrors.GroupNotFound();
                foreach (KeyValuePair<string, LogStreamState> pair in group.Streams)
                {
                    if (prefix != null && !pair.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
                    selected.Add(pair.Value);
                }
                if (byTime)
                {
                    selected.Sort((a, b) =>
                    {
                        long ta = a.LastEventTimestamp ?? 0, tb = b.LastEventTimestamp ?? 0;
                        return ta != tb ? ta.CompareTo(tb) : string.CompareOrdinal(a.Name, b.Name);
                    });
                }
                if (descending) selected.Reverse();
                if (offset > selected.Count) throw LogsErrors.InvalidNextToken();
                int end = Math.Min(selected.Count, offset + limit);
                for (int i = offset; i < end; i++) streams.Add(DescribeStream(selected[i]));
                if (end < selected.Count) next = EncodeOffsetToken(end);
            }
            finally { _lock.ExitReadLock(); }
            var response = new JsonObject { ["logStreams"] = streams };
            if (next != null) response["nextToken"] = next;
            return response;
        }

        private static JsonObject DescribeStream(LogStreamState stream)
        {
            var o = new JsonObject
            {
                ["logStreamName"] = stream.Name,
                ["creationTime"] = stream.CreationTime,
            };
            if (stream.Events.Count > 0)
            {
                o["firstEventTimestamp"] = stream.FirstEventTimestamp!.Value;
                o["lastEventTimestamp"] = stream.LastEventTimestamp!.Value;
                o["lastIngestionTime"] = stream.Events.LastIngestionTime!.Value;
                o["uploadSequenceToken"] = SequenceToken(stream.Events.LastIngestionTime!.Value);
            }
            o["arn"] = stream.Arn;
            o["storedBytes"] = 0L;
            return o;
        }

        // ------------------------------------------------------------------ shared helpers

        private long NowMilliseconds() => LogsTime.ToEpochMilliseconds(_context.Clock.UtcNow);

        private static string SequenceToken(long ingestion) =>
            "4963" + ingestion.ToString("D20", CultureInfo.InvariantCulture) + "0000000000000000000000000000000";

        /// <summary>Exactly one of logGroupName / logGroupIdentifier (a name or an ARN).</summary>
        private static string ResolveGroupName(JsonObject request)
        {
            string? name = LogsRequest.GetString(request, "logGroupName");
            string? identifier = LogsRequest.GetString(request, "logGroupIdentifier");
            if (name != null && identifier != null)
                throw LogsErrors.InvalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
            if (name == null && identifier == null)
                throw LogsErrors.InvalidParameter("Either logGroupName or logGroupIdentifier must be specified.");
            return name ?? GroupNameFromIdentifier(identifier!);
        }

        internal static string GroupNameFromIdentifier(string identifier)
        {
            // A log group name holds no ':', so anything with one must be a well-formed log group ARN
            // (arn:partition:logs:region:account:log-group:NAME, optionally ending ":*").
            if (identifier.IndexOf(':') < 0) return identifier;
            const string prefix = "log-group:";
            if (!AwsArn.TryParse(identifier, out AwsArn? arn) || arn!.Service != "logs" || arn.Region.Length == 0 || arn.Account.Length == 0
                || !arn.Resource.StartsWith(prefix, StringComparison.Ordinal))
                throw LogsErrors.InvalidParameter($"Invalid log group ARN: '{identifier}'.");
            string rest = arn.Resource.Substring(prefix.Length);
            if (rest.EndsWith(":*", StringComparison.Ordinal)) rest = rest.Substring(0, rest.Length - 2);
            if (rest.Length == 0) throw LogsErrors.InvalidParameter($"Invalid log group ARN: '{identifier}'.");
            return rest;
        }

        private static void ValidateGroupName(string name)
        {
            if (!GroupNamePattern.IsMatch(name))
                throw LogsErrors.InvalidParameter($"1 validation error detected: Value '{name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }

        private static void ValidateStreamName(string name)
        {
            if (name.Length == 0 || name.Length > 512 || name.IndexOf(':') >= 0 || name.IndexOf('*') >= 0)
                throw LogsErrors.InvalidParameter($"1 validation error detected: Value '{name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*");
        }

        private static int ValidateLimit(int? limit, int max, int fallback)
        {
            if (!limit.HasValue) return fallback;
            if (limit.Value < 1 || limit.Value > max)
                throw LogsErrors.InvalidParameter($"1 validation error detected: Value '{limit.Value}' at 'limit' failed to satisfy constraint: Member must have value {(limit.Value < 1 ? "greater than or equal to 1" : "less than or equal to " + max)}");
            return limit.Value;
        }

        private static string EncodeNameToken(string name) => "n1" + Convert.ToBase64String(Encoding.UTF8.GetBytes(name));

        private static string DecodeNameToken(string token)
        {
            try
            {
                if (!token.StartsWith("n1", StringComparison.Ordinal)) throw LogsErrors.InvalidNextToken();
                return Encoding.UTF8.GetString(Convert.FromBase64String(token.Substring(2)));
            }
            catch (FormatException) { throw LogsErrors.InvalidNextToken(); }
        }

        private static string EncodeOffsetToken(int offset) => "o1" + Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

        private static int DecodeOffsetToken(string token)
        {
            try
            {
                if (token.StartsWith("o1", StringComparison.Ordinal)
                    && int.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(token.Substring(2))), NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
                    return offset;
            }
            catch (FormatException) { }
            throw LogsErrors.InvalidNextToken();
        }
    }
}
