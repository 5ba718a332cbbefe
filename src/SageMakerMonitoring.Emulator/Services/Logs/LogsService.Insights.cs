using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Logs.Insights;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    // Logs Insights: StartQuery, GetQueryResults, StopQuery, DescribeQueries.
    public sealed partial class LogsService
    {
        private const int DefaultQueryLimit = 10_000;
        private const int MaxQueryLimit = 100_000;
        private const int MaxResultsPerPage = 10_000;
        private const int MaxLogGroupsPerQuery = 50;

        private JsonNode StartQuery(JsonObject request)
        {
            string? language = LogsRequest.GetString(request, "queryLanguage");
            if (language != null && language != "CWLI")
                throw LogsErrors.InvalidParameter($"Query language {language} is not supported by this emulator; use CWLI.");
            string? single = LogsRequest.GetString(request, "logGroupName");
            List<string>? names = LogsRequest.GetStringList(request, "logGroupNames");
            List<string>? identifiers = LogsRequest.GetStringList(request, "logGroupIdentifiers");
            int given = (single != null ? 1 : 0) + (names != null ? 1 : 0) + (identifiers != null ? 1 : 0);
            if (given != 1)
                throw LogsErrors.InvalidParameter("Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.");
            var groupNames = new List<string>();
            if (single != null) groupNames.Add(single);
            if (names != null) groupNames.AddRange(names);
            if (identifiers != null) foreach (string id in identifiers) groupNames.Add(GroupNameFromIdentifier(id));
            if (groupNames.Count == 0 || groupNames.Count > MaxLogGroupsPerQuery)
                throw LogsErrors.InvalidParameter($"A query names between 1 and {MaxLogGroupsPerQuery} log groups.");
            long startSeconds = LogsRequest.GetLong(request, "startTime") ?? throw LogsErrors.InvalidParameter("1 validation error detected: Value null at 'startTime' failed to satisfy constraint: Member must not be null");
            long endSeconds = LogsRequest.GetLong(request, "endTime") ?? throw LogsErrors.InvalidParameter("1 validation error detected: Value null at 'endTime' failed to satisfy constraint: Member must not be null");
            string queryString = LogsRequest.RequireString(request, "queryString");
            int? requestedLimit = LogsRequest.GetInt(request, "limit");
            if (requestedLimit.HasValue && (requestedLimit.Value < 1 || requestedLimit.Value > MaxQueryLimit))
                throw LogsErrors.InvalidParameter($"1 validation error detected: Value '{requestedLimit.Value}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {MaxQueryLimit}");
            int limit = requestedLimit ?? DefaultQueryLimit;
            if (endSeconds < startSeconds) throw LogsErrors.InvalidParameter("endTime is before startTime.");
            if (queryString.Length > 10_000) throw LogsErrors.InvalidParameter("queryString is longer than 10000 characters.");

            InsightsQuery query;
            try
            {
                query = InsightsQueryParser.Parse(queryString);
            }
            catch (InsightsSyntaxException ex)
            {
                throw new AwsErrorException("MalformedQueryException", $"unexpected symbol found at line 1 and position {ex.Start}: {ex.Message}")
                {
                    Details = new JsonObject
                    {
                        ["queryCompileError"] = new JsonObject
                        {
                            ["location"] = new JsonObject { ["startCharOffset"] = ex.Start, ["endCharOffset"] = ex.End },
                            ["message"] = ex.Message,
                        },
                    },
                };
            }

            _lock.EnterReadLock();
            try
            {
                foreach (string name in groupNames)
                {
                    if (!_groups.ContainsKey(name))
                        throw new AwsErrorException("ResourceNotFoundException", $"Log group '{name}' does not exist for account ID '{_context.AccountId}' (Service: AWSLogs; Status Code: 400; Error Code: ResourceNotFoundException)");
                }
            }
            finally { _lock.ExitReadLock(); }

            long startMs = startSeconds * 1000;
            long endMs = endSeconds * 1000 + 999;
            string account = _context.AccountId;
            InsightsQueryExecution? execution = _queries.TryStart(queryString, groupNames, NowMilliseconds(), token =>
            {
                _lock.EnterReadLock();
                try
                {
                    var groups = new List<LogGroupState>();
                    foreach (string name in groupNames)
                    {
                        if (_groups.TryGetValue(name, out LogGroupState? g) && !groups.Contains(g)) groups.Add(g);
                    }
                    return InsightsEngine.Execute(query, groups, startMs, endMs, limit, account, token);
                }
                finally { _lock.ExitReadLock(); }
            });
            if (execution == null)
                throw new AwsErrorException("LimitExceededException", $"Account maximum query concurrency limit of [{_settings.MaxConcurrentQueries}] reached. Please cancel an existing query or wait for one to complete.");
            return new JsonObject { ["queryId"] = execution.QueryId };
        }

        private JsonNode GetQueryResults(JsonObject request)
        {
            string queryId = LogsRequest.RequireString(request, "queryId");
            int? maxItems = LogsRequest.GetInt(request, "maxItems");
            if (maxItems.HasValue && (maxItems.Value < 0 || maxItems.Value > MaxResultsPerPage))
                throw LogsErrors.InvalidParameter($"maxItems must be between 0 and {MaxResultsPerPage}.");
            string? token = LogsRequest.GetString(request, "nextToken");
            InsightsQueryExecution execution = FindQuery(queryId);
            string status = execution.Status;
            InsightsResult? result = execution.Visible(status);
            int offset = 0;
            if (token != null)
            {
                offset = DecodeOffsetToken(token);
                if (status != InsightsQueryStatus.Complete || result == null || offset > result.Rows.Count) throw LogsErrors.InvalidNextToken();
            }
            int pageSize = maxItems ?? MaxResultsPerPage;
            var rows = new JsonArray();
            string? next = null;
            if (result != null)
            {
                int end = Math.Min(result.Rows.Count, offset + pageSize);
                for (int i = offset; i < end; i++)
                {
                    var row = new JsonArray();
                    foreach (KeyValuePair<string, string> cell in result.Rows[i])
                        row.Add(new JsonObject { ["field"] = cell.Key, ["value"] = cell.Value });
                    rows.Add(row);
                }
                if (status == InsightsQueryStatus.Complete && end < result.Rows.Count) next = EncodeOffsetToken(end);
            }
            var response = new JsonObject
            {
                ["queryLanguage"] = "CWLI",
                ["results"] = rows,
                ["statistics"] = new JsonObject
                {
                    ["recordsMatched"] = result?.RecordsMatched ?? 0.0,
                    ["recordsScanned"] = result?.RecordsScanned ?? 0.0,
                    ["estimatedRecordsSkipped"] = 0.0,
                    ["bytesScanned"] = result?.BytesScanned ?? 0.0,
                    ["estimatedBytesSkipped"] = 0.0,
                    ["logGroupsScanned"] = result?.LogGroupsScanned ?? 0.0,
                },
                ["status"] = status,
            };
            if (next != null) response["nextToken"] = next;
            return response;
        }

        /// <summary>success true for a Scheduled/Running query (it becomes Cancelled); a query that already ended
        /// answers InvalidParameterException "Query ... is not running" (AWS does not document the code).</summary>
        private JsonNode StopQuery(JsonObject request)
        {
            string queryId = LogsRequest.RequireString(request, "queryId");
            InsightsQueryExecution execution = FindQuery(queryId);
            if (!execution.Stop())
                throw LogsErrors.InvalidParameter($"Query {queryId} is not running (status {execution.Status}).");
            return new JsonObject { ["success"] = true };
        }

        private JsonNode DescribeQueries(JsonObject request)
        {
            string? groupName = LogsRequest.GetString(request, "logGroupName");
            string? status = LogsRequest.GetString(request, "status");
            string? language = LogsRequest.GetString(request, "queryLanguage");
            int? maxResults = LogsRequest.GetInt(request, "maxResults");
            if (maxResults.HasValue && (maxResults.Value < 1 || maxResults.Value > 1000))
                throw LogsErrors.InvalidParameter("maxResults must be between 1 and 1000.");
            string? token = LogsRequest.GetString(request, "nextToken");
            int offset = token == null ? 0 : DecodeOffsetToken(token);
            int pageSize = maxResults ?? 1000;
            var matching = new List<(InsightsQueryExecution Query, string Status)>();
            if (language == null || language == "CWLI")
            {
                foreach (InsightsQueryExecution q in _queries.Snapshot())
                {
                    string s = q.Status;
                    if (status != null && s != status) continue;
                    if (groupName != null && !q.LogGroupNames.Contains(groupName)) continue;
                    matching.Add((q, s));
                }
            }
            var queries = new JsonArray();
            int end = Math.Min(matching.Count, offset + pageSize);
            for (int i = offset; i < end; i++)
            {
                var (q, s) = matching[i];
                InsightsResult? visible = q.Visible(s);
                queries.Add(new JsonObject
                {
                    ["queryLanguage"] = "CWLI",
                    ["queryId"] = q.QueryId,
                    ["queryString"] = q.QueryString,
                    ["status"] = s,
                    ["createTime"] = q.CreateTime,
                    ["logGroupName"] = q.LogGroupNames[0],
                    ["queryDuration"] = q.Duration,
                    ["bytesScanned"] = visible?.BytesScanned ?? 0.0,
                });
            }
            var response = new JsonObject { ["queries"] = queries };
            if (end < matching.Count) response["nextToken"] = EncodeOffsetToken(end);
            return response;
        }

        private InsightsQueryExecution FindQuery(string queryId) =>
            _queries.Find(queryId) ?? throw new AwsErrorException("ResourceNotFoundException", $"Query {queryId} does not exist.");
    }
}
