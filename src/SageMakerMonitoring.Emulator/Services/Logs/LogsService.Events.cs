using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Services.Logs.Filtering;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    // FilterLogEvents and GetLogEvents.
    public sealed partial class LogsService
    {
        private const int MaxEventsPerPage = 10_000;
        private const int MaxPageBytes = 1_048_576;
        private const int MaxLogStreamNames = 100;

        /// <summary>
        /// Interleaves the selected streams in (timestamp, ingestion time) order between startTime and endTime (both
        /// inclusive). One call examines at most <see cref="LogsSettings.ScanBudget"/> events; it answers what matched
        /// so far, at most <c>limit</c> events and 1 MB, and a nextToken unless every candidate event has been seen.
        /// Pages may be empty and still carry a token.
        /// </summary>
        private FilterLogEventsAnswer FilterLogEvents(JsonObject request)
        {
            string groupName = ResolveGroupName(request);
            List<string>? names = LogsRequest.GetStringList(request, "logStreamNames");
            string? prefix = LogsRequest.GetString(request, "logStreamNamePrefix");
            long startTime = LogsRequest.GetLong(request, "startTime") ?? 0;
            long endTime = LogsRequest.GetLong(request, "endTime") ?? long.MaxValue;
            int limit = ValidateLimit(LogsRequest.GetInt(request, "limit"), MaxEventsPerPage, MaxEventsPerPage);
            string? token = LogsRequest.GetString(request, "nextToken");
            if (names != null && prefix != null)
                throw LogsErrors.InvalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
            if (names != null && (names.Count == 0 || names.Count > MaxLogStreamNames))
                throw LogsErrors.InvalidParameter($"1 validation error detected: Value at 'logStreamNames' failed to satisfy constraint: Member must have length between 1 and {MaxLogStreamNames}");
            if (startTime < 0 || endTime < 0) throw LogsErrors.InvalidParameter("startTime and endTime must not be negative.");
            FilterPattern pattern;
            try { pattern = FilterPatternParser.Parse(LogsRequest.GetString(request, "filterPattern")); }
            catch (FormatException) { throw LogsErrors.InvalidFilterPattern(); }
            LogEventKey? resumeAfter = token == null ? (LogEventKey?)null : DecodeFilterToken(token);
            int budget = _settings.ScanBudget;

            var events = new List<FilteredLogEvent>();
            string? next = null;
            _lock.EnterReadLock();
            try
            {
                if (!_groups.TryGetValue(groupName, out LogGroupState? group)) throw LogsErrors.GroupNotFound();
                var streams = new List<LogStreamState>();
                if (names != null)
                {
                    foreach (string name in names)
                    {
                        if (group.Streams.TryGetValue(name, out LogStreamState? s) && !streams.Contains(s)) streams.Add(s);
                    }
                }
                else
                {
                    foreach (KeyValuePair<string, LogStreamState> pair in group.Streams)
                    {
                        if (prefix == null || pair.Key.StartsWith(prefix, StringComparison.Ordinal)) streams.Add(pair.Value);
                    }
                }
                if (startTime <= endTime && streams.Count > 0)
                    next = ScanInterleaved(streams, startTime, endTime, resumeAfter, pattern, limit, budget, events);
            }
            finally { _lock.ExitReadLock(); }

            return new FilterLogEventsAnswer(events, next);
        }

        /// <returns>The next token, or null when every candidate event has been examined.</returns>
        private static string? ScanInterleaved(List<LogStreamState> streams, long startTime, long endTime, LogEventKey? resumeAfter,
            FilterPattern pattern, int limit, int budget, List<FilteredLogEvent> output)
        {
            int n = streams.Count;
            var start = new int[n];
            var end = new int[n];
            for (int i = 0; i < n; i++)
            {
                LogEventStore store = streams[i].Events;
                end[i] = store.UpperBound(endTime);
                if (resumeAfter.HasValue)
                {
                    LogEventKey after = resumeAfter.Value;
                    int p = store.LowerBound(Math.Max(startTime, after.Timestamp));
                    long id = streams[i].Id;
                    while (p < end[i] && store.GetTimestamp(p) == after.Timestamp
                           && new LogEventKey(after.Timestamp, store.GetIngestionTime(p), id, store.GetSequence(p)).CompareTo(after) <= 0)
                        p++;
                    start[i] = p;
                }
                else
                {
                    start[i] = store.LowerBound(startTime);
                }
            }

            var cursor = new InterleavedEventCursor(streams, start, end);
            bool matchAll = pattern.MatchesEverything;
            int scanned = 0;
            long bytes = 0;
            LogEventKey lastConsumed = default;
            bool consumedAny = false;
            while (cursor.HasCurrent)
            {
                if (scanned >= budget || output.Count >= limit) break;
                LogStreamState stream = cursor.CurrentStream;
                int index = cursor.CurrentIndex;
                string message = stream.Events.GetMessage(index);
                if (matchAll || pattern.Matches(message))
                {
                    long size = Encoding.UTF8.GetByteCount(message) + PerEventOverheadBytes;
                    if (bytes + size > MaxPageBytes && output.Count > 0) break;
                    bytes += size;
                    LogEventKey key = cursor.CurrentKey;
                    output.Add(new FilteredLogEvent(stream.Name, key, message));
                }
                lastConsumed = cursor.CurrentKey;
                consumedAny = true;
                scanned++;
                cursor.Advance();
            }
            if (!cursor.HasCurrent) return null;
            if (!consumedAny)
            {
                // Nothing consumed (only possible with a zero budget); resume where we started.
                return resumeAfter.HasValue ? EncodeFilterToken(resumeAfter.Value) : EncodeFilterToken(new LogEventKey(startTime - 1, long.MaxValue, long.MaxValue, int.MaxValue));
            }
            return EncodeFilterToken(lastConsumed);
        }

        private static string EncodeFilterToken(LogEventKey key) =>
            "f1" + Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{key.Timestamp}:{key.IngestionTime}:{key.StreamId}:{key.Sequence}")));

        private static LogEventKey DecodeFilterToken(string token)
        {
            try
            {
                if (token.StartsWith("f1", StringComparison.Ordinal))
                {
                    string[] parts = Encoding.ASCII.GetString(Convert.FromBase64String(token.Substring(2))).Split(':');
                    if (parts.Length == 4
                        && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ts)
                        && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ing)
                        && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                        && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int seq))
                        return new LogEventKey(ts, ing, id, seq);
                }
            }
            catch (FormatException) { }
            throw LogsErrors.InvalidNextToken();
        }

        /// <summary>
        /// One stream between startTime (inclusive) and endTime (exclusive). Without a token: the oldest events when
        /// startFromHead, else the newest. Tokens are <c>f/position</c> (read forward from there) and
        /// <c>b/position</c> (read backward from there); both are always returned, and a direction with nothing more
        /// to read answers the token it was given.
        /// </summary>
        private GetLogEventsAnswer GetLogEvents(JsonObject request)
        {
            string groupName = ResolveGroupName(request);
            string streamName = LogsRequest.RequireString(request, "logStreamName");
            long startTime = LogsRequest.GetLong(request, "startTime") ?? 0;
            long endTime = LogsRequest.GetLong(request, "endTime") ?? long.MaxValue;
            int? requestedLimit = LogsRequest.GetInt(request, "limit");
            int limit = ValidateLimit(requestedLimit, MaxEventsPerPage, MaxEventsPerPage);
            bool startFromHead = LogsRequest.GetBool(request, "startFromHead") ?? false;
            string? token = LogsRequest.GetString(request, "nextToken");
            bool? forwardToken = null;
            int tokenPosition = 0;
            if (token != null) (forwardToken, tokenPosition) = DecodeStreamToken(token);

            GetLogEventsAnswer answer;
            string nextForward, nextBackward;
            _lock.EnterReadLock();
            try
            {
                if (!_groups.TryGetValue(groupName, out LogGroupState? group)) throw LogsErrors.GroupNotFound();
                if (!group.Streams.TryGetValue(streamName, out LogStreamState? stream)) throw LogsErrors.StreamNotFound();
                LogEventStore store = stream.Events;
                int lo = store.LowerBound(startTime);
                int hi = endTime == long.MaxValue ? store.Count : store.LowerBound(endTime);
                if (hi < lo) hi = lo;
                bool forward = forwardToken ?? startFromHead;
                int first, last; // the page is [first, last)
                if (forward)
                {
                    first = token != null ? Math.Max(tokenPosition, lo) : lo;
                    if (first > hi) first = hi;
                    last = TakeForward(store, first, hi, limit);
                }
                else
                {
                    last = token != null ? Math.Min(tokenPosition, hi) : hi;
                    if (last < lo) last = lo;
                    first = TakeBackward(store, lo, last, limit);
                }
                if (token != null && first == last)
                {
                    nextForward = forward ? token : StreamToken(true, last);
                    nextBackward = forward ? StreamToken(false, first) : token;
                }
                else
                {
                    nextForward = StreamToken(true, last);
                    nextBackward = StreamToken(false, first);
                }
                answer = new GetLogEventsAnswer(store, first, last, nextForward, nextBackward);
            }
            finally { _lock.ExitReadLock(); }
            return answer;
        }

        private static int TakeForward(LogEventStore store, int first, int hi, int limit)
        {
            long bytes = 0;
            int i = first;
            while (i < hi && i - first < limit)
            {
                long size = Encoding.UTF8.GetByteCount(store.GetMessage(i)) + PerEventOverheadBytes;
                if (bytes + size > MaxPageBytes && i > first) break;
                bytes += size;
                i++;
            }
            return i;
        }

        private static int TakeBackward(LogEventStore store, int lo, int last, int limit)
        {
            long bytes = 0;
            int i = last;
            while (i > lo && last - i < limit)
            {
                long size = Encoding.UTF8.GetByteCount(store.GetMessage(i - 1)) + PerEventOverheadBytes;
                if (bytes + size > MaxPageBytes && i < last) break;
                bytes += size;
                i--;
            }
            return i;
        }

        private static string StreamToken(bool forward, int position) =>
            (forward ? "f/" : "b/") + position.ToString("D20", CultureInfo.InvariantCulture) + "/s";

        private static (bool Forward, int Position) DecodeStreamToken(string token)
        {
            if (token.Length > 4 && (token[0] == 'f' || token[0] == 'b') && token[1] == '/' && token.EndsWith("/s", StringComparison.Ordinal)
                && int.TryParse(token.Substring(2, token.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out int position))
                return (token[0] == 'f', position);
            throw LogsErrors.InvalidNextToken();
        }
    }
}
