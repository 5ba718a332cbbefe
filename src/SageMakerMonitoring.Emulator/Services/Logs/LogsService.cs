using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Logs.Demo;
using SageMakerMonitoring.Emulator.Services.Logs.Insights;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    /// <summary>
    /// Emulated CloudWatch Logs (awsJson1_1, target prefix Logs_20140328). Log groups, streams and events live in
    /// memory; events are stored per stream in parallel arrays, or computed from their index for synthetic benchmark
    /// streams. Timestamps on the wire are epoch milliseconds (StartQuery: seconds). See README.md in this folder for
    /// the supported operations, filter pattern and Logs Insights subsets, and the control actions.
    /// </summary>
    public sealed partial class LogsService : IJsonAnswerService
    {
        private readonly EmulatorContext _context;
        private readonly ReaderWriterLockSlim _lock = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);
        private readonly SortedDictionary<string, LogGroupState> _groups = new SortedDictionary<string, LogGroupState>(StringComparer.Ordinal);
        private readonly LogsSettings _settings = new LogsSettings();
        private readonly InsightsQueryRegistry _queries;
        private long _nextStreamId = 1;

        public LogsService(EmulatorContext context)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _queries = new InsightsQueryRegistry(_settings);
        }

        public string SigningName => "logs";

        public JsonNode? Handle(string operation, JsonObject request)
        {
            switch (operation)
            {
                case "CreateLogGroup": return CreateLogGroup(request);
                case "DeleteLogGroup": return DeleteLogGroup(request);
                case "CreateLogStream": return CreateLogStream(request);
                case "DeleteLogStream": return DeleteLogStream(request);
                case "PutLogEvents": return PutLogEvents(request);
                case "DescribeLogGroups": return DescribeLogGroups(request);
                case "DescribeLogStreams": return DescribeLogStreams(request);
                case "FilterLogEvents": return FilterLogEvents(request).ToTree();
                case "GetLogEvents": return GetLogEvents(request).ToTree();
                case "StartQuery": return StartQuery(request);
                case "GetQueryResults": return GetQueryResults(request);
                case "StopQuery": return StopQuery(request);
                case "DescribeQueries": return DescribeQueries(request);
                default:
                    throw new AwsErrorException("UnknownOperationException", $"Operation {operation} is not supported by this emulator.");
            }
        }

        public IJsonAnswer? HandleAnswer(string operation, JsonObject request)
        {
            switch (operation)
            {
                case "FilterLogEvents": return FilterLogEvents(request);
                case "GetLogEvents": return GetLogEvents(request);
                default: return null;
            }
        }

        public void Reset()
        {
            _lock.EnterWriteLock();
            try
            {
                _groups.Clear();
                _nextStreamId = 1;
            }
            finally { _lock.ExitWriteLock(); }
            _queries.Clear();
            _settings.MaxConcurrentQueries = LogsSettings.DefaultMaxConcurrentQueries;
            _settings.QueryRunMilliseconds = LogsSettings.DefaultQueryRunMilliseconds;
            _settings.ScanBudget = LogsSettings.DefaultScanBudget;
        }

        public void Seed(string seedName)
        {
            if (string.Equals(seedName, "empty", StringComparison.OrdinalIgnoreCase)) return;
            if (!string.Equals(seedName, "demo", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"Unknown seed '{seedName}'.", nameof(seedName));
            long now = LogsTime.ToEpochMilliseconds(_context.Clock.UtcNow);
            var world = DemoLogWorld.Build(now, _context.RandomSeed);
            _lock.EnterWriteLock();
            try
            {
                foreach (DemoLogGroup group in world)
                {
                    LogGroupState state = GetOrCreateGroup(group.Name, group.CreationTime);
                    foreach (DemoLogStream stream in group.Streams)
                    {
                        var store = new StoredLogEventStore();
                        // Events arrive in small batches shortly after they happen.
                        var batch = new List<LogEventInput>(1);
                        for (int i = 0; i < stream.Events.Count; i++)
                        {
                            batch.Clear();
                            batch.Add(stream.Events[i].Event);
                            store.Append(batch, stream.Events[i].IngestionTime);
                        }
                        state.Streams[stream.Name] = NewStream(state, stream.Name, stream.CreationTime, store);
                    }
                }
            }
            finally { _lock.ExitWriteLock(); }
        }

        public bool TryControl(string action, JsonObject arguments, out JsonNode? result)
        {
            switch (action)
            {
                case "config":
                    result = Configure(arguments);
                    return true;
                case "synthetic":
                    result = AddSynthetic(arguments);
                    return true;
                case "append":
                    result = Append(arguments);
                    return true;
                default:
                    result = null;
                    return false;
            }
        }

        private JsonNode Configure(JsonObject arguments)
        {
            int? max = LogsRequest.GetInt(arguments, "maxConcurrentQueries");
            int? run = LogsRequest.GetInt(arguments, "queryRunMilliseconds");
            int? budget = LogsRequest.GetInt(arguments, "scanBudget");
            if (max.HasValue) _settings.MaxConcurrentQueries = Math.Max(1, max.Value);
            if (run.HasValue) _settings.QueryRunMilliseconds = Math.Max(0, run.Value);
            if (budget.HasValue) _settings.ScanBudget = Math.Max(1, budget.Value);
            return new JsonObject
            {
                ["maxConcurrentQueries"] = _settings.MaxConcurrentQueries,
                ["queryRunMilliseconds"] = _settings.QueryRunMilliseconds,
                ["scanBudget"] = _settings.ScanBudget,
            };
        }

        /// <summary>Adds computed streams <c>{jobName}/algo-N-{epoch seconds of start}</c> to a group.</summary>
        private JsonNode AddSynthetic(JsonObject arguments)
        {
            string groupName = LogsRequest.GetString(arguments, "logGroupName") ?? "/aws/sagemaker/TrainingJobs";
            string jobName = LogsRequest.RequireString(arguments, "jobName");
            int streams = LogsRequest.GetInt(arguments, "streams") ?? 16;
            int perStream = LogsRequest.GetInt(arguments, "eventsPerStream") ?? 62_500;
            long interval = LogsRequest.GetLong(arguments, "intervalMs") ?? 10;
            long now = LogsTime.ToEpochMilliseconds(_context.Clock.UtcNow);
            long start = LogsRequest.GetInstantMilliseconds(arguments, "start") ?? now - perStream * interval;
            if (streams < 1 || perStream < 0 || interval < 1) throw LogsErrors.InvalidParameter("streams >= 1, eventsPerStream >= 0 and intervalMs >= 1 are required.");
            long epochSeconds = start / 1000;
            var names = new JsonArray();
            _lock.EnterWriteLock();
            try
            {
                LogGroupState group = GetOrCreateGroup(groupName, start);
                for (int n = 1; n <= streams; n++)
                {
                    string name = $"{jobName}/algo-{n}-{epochSeconds}";
                    var store = new SyntheticLogEventStore(n, start, interval, perStream);
                    group.Streams[name] = NewStream(group, name, start, store);
                    names.Add(name);
                }
            }
            finally { _lock.ExitWriteLock(); }
            return new JsonObject { ["logGroupName"] = groupName, ["logStreams"] = names, ["events"] = (long)streams * perStream };
        }

        /// <summary>Appends events as a live writer would, creating the group and stream when missing.</summary>
        private JsonNode Append(JsonObject arguments)
        {
            string groupName = LogsRequest.RequireString(arguments, "logGroupName");
            string streamName = LogsRequest.RequireString(arguments, "logStreamName");
            var events = new List<LogEventInput>();
            if (arguments["events"] is JsonArray array)
            {
                foreach (JsonNode? item in array)
                {
                    if (item is not JsonObject e) throw LogsErrors.InvalidParameter("events must be objects.");
                    long ts = LogsRequest.GetInstantMilliseconds(e, "timestamp") ?? throw LogsErrors.InvalidParameter("timestamp is required.");
                    events.Add(new LogEventInput(ts, LogsRequest.GetString(e, "message") ?? ""));
                }
            }
            // Stable sort: a live writer may hand events slightly out of order.
            var indexed = new List<KeyValuePair<int, LogEventInput>>(events.Count);
            for (int i = 0; i < events.Count; i++) indexed.Add(new KeyValuePair<int, LogEventInput>(i, events[i]));
            indexed.Sort((a, b) => a.Value.Timestamp != b.Value.Timestamp ? a.Value.Timestamp.CompareTo(b.Value.Timestamp) : a.Key.CompareTo(b.Key));
            events.Clear();
            foreach (var pair in indexed) events.Add(pair.Value);
            long now = LogsTime.ToEpochMilliseconds(_context.Clock.UtcNow);
            _lock.EnterWriteLock();
            try
            {
                LogGroupState group = GetOrCreateGroup(groupName, now);
                if (!group.Streams.TryGetValue(streamName, out LogStreamState? stream))
                {
                    stream = NewStream(group, streamName, now, new StoredLogEventStore());
                    group.Streams[streamName] = stream;
                }
                if (stream.Events is not StoredLogEventStore store) throw LogsErrors.InvalidParameter("Cannot append to a synthetic stream.");
                store.Append(events, now);
            }
            finally { _lock.ExitWriteLock(); }
            return new JsonObject { ["appended"] = events.Count };
        }

        private LogGroupState GetOrCreateGroup(string name, long creationTime)
        {
            if (!_groups.TryGetValue(name, out LogGroupState? group))
            {
                group = new LogGroupState(name, GroupArn(name), creationTime);
                _groups[name] = group;
            }
            return group;
        }

        private LogStreamState NewStream(LogGroupState group, string name, long creationTime, LogEventStore store) =>
            new LogStreamState(_nextStreamId++, name, $"{group.Arn}:log-stream:{name}", creationTime, store);

        private string GroupArn(string name) => $"arn:aws:logs:{_context.Region}:{_context.AccountId}:log-group:{name}";
    }
}
