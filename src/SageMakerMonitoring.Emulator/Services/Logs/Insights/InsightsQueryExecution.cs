using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>
    /// One started query. The engine runs in the background right away; what callers see is paced by real elapsed
    /// time: Scheduled for the first 30 % of the run time, Running (with a growing share of the rows) until the run
    /// time has passed and the engine has finished, then Complete. StopQuery makes it Cancelled.
    /// </summary>
    internal sealed class InsightsQueryExecution
    {
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly int _runMilliseconds;
        private Task<InsightsResult>? _task;
        private volatile bool _cancelled;
        private long _finishedAfterMilliseconds = -1;

        public InsightsQueryExecution(string queryId, string queryString, IReadOnlyList<string> logGroupNames, long createTime, int runMilliseconds)
        {
            QueryId = queryId;
            QueryString = queryString;
            LogGroupNames = logGroupNames;
            CreateTime = createTime;
            _runMilliseconds = runMilliseconds;
        }

        public string QueryId { get; }
        public string QueryString { get; }
        public IReadOnlyList<string> LogGroupNames { get; }
        /// <summary>Epoch milliseconds (emulator clock).</summary>
        public long CreateTime { get; }

        public void Run(Func<CancellationToken, InsightsResult> engine)
        {
            CancellationToken token = _cancellation.Token;
            _task = Task.Run(() => engine(token), token);
        }

        public string Status
        {
            get
            {
                if (_cancelled) return InsightsQueryStatus.Cancelled;
                Task<InsightsResult>? task = _task;
                long elapsed = _elapsed.ElapsedMilliseconds;
                if (task != null && task.IsFaulted) return InsightsQueryStatus.Failed;
                if (elapsed < _runMilliseconds * 3 / 10) return InsightsQueryStatus.Scheduled;
                if (elapsed < _runMilliseconds || task == null || !task.IsCompleted) return InsightsQueryStatus.Running;
                if (_finishedAfterMilliseconds < 0) _finishedAfterMilliseconds = elapsed;
                return InsightsQueryStatus.Complete;
            }
        }

        /// <summary>Milliseconds from start until Complete was first observed (or elapsed so far).</summary>
        public long Duration => _finishedAfterMilliseconds >= 0 ? _finishedAfterMilliseconds : _elapsed.ElapsedMilliseconds;

        /// <summary>The result as far as the query has progressed: everything when Complete, a prefix while Running,
        /// nothing before; null when nothing is available.</summary>
        public InsightsResult? Visible(string status)
        {
            Task<InsightsResult>? task = _task;
            if (task == null || !task.IsCompletedSuccessfully) return null;
            InsightsResult full = task.Result;
            if (status == InsightsQueryStatus.Complete) return full;
            if (status != InsightsQueryStatus.Running) return null;
            long scheduled = _runMilliseconds * 3 / 10;
            double span = Math.Max(1, _runMilliseconds - scheduled);
            double fraction = Math.Min(1.0, Math.Max(0.0, (_elapsed.ElapsedMilliseconds - scheduled) / span));
            int rows = (int)(full.Rows.Count * fraction);
            var partial = new List<IReadOnlyList<KeyValuePair<string, string>>>(rows);
            for (int i = 0; i < rows; i++) partial.Add(full.Rows[i]);
            return new InsightsResult(partial, Math.Floor(full.RecordsMatched * fraction), Math.Floor(full.RecordsScanned * fraction),
                Math.Floor(full.BytesScanned * fraction), full.LogGroupsScanned);
        }

        /// <summary>Cancels a Scheduled or Running query; false when it had already ended.</summary>
        public bool Stop()
        {
            if (!InsightsQueryStatus.IsActive(Status)) return false;
            _cancelled = true;
            _cancellation.Cancel();
            return true;
        }
    }
}
