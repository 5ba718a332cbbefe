using System;
using System.Collections.Generic;
using System.Threading;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>Started queries by id, in start order; enforces the concurrency limit.</summary>
    internal sealed class InsightsQueryRegistry
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, InsightsQueryExecution> _byId = new Dictionary<string, InsightsQueryExecution>(StringComparer.Ordinal);
        private readonly List<InsightsQueryExecution> _inOrder = new List<InsightsQueryExecution>();
        private readonly LogsSettings _settings;

        public InsightsQueryRegistry(LogsSettings settings)
        {
            _settings = settings;
        }

        /// <summary>Registers and starts a query, or returns null when the concurrency limit is reached.</summary>
        public InsightsQueryExecution? TryStart(string queryString, IReadOnlyList<string> logGroupNames, long createTime,
            Func<CancellationToken, InsightsResult> engine)
        {
            InsightsQueryExecution execution;
            lock (_gate)
            {
                int active = 0;
                foreach (InsightsQueryExecution q in _inOrder)
                {
                    if (InsightsQueryStatus.IsActive(q.Status)) active++;
                }
                if (active >= _settings.MaxConcurrentQueries) return null;
                execution = new InsightsQueryExecution(Guid.NewGuid().ToString(), queryString, logGroupNames, createTime, _settings.QueryRunMilliseconds);
                _byId[execution.QueryId] = execution;
                _inOrder.Add(execution);
            }
            execution.Run(engine);
            return execution;
        }

        public InsightsQueryExecution? Find(string queryId)
        {
            lock (_gate) { return _byId.TryGetValue(queryId, out InsightsQueryExecution? q) ? q : null; }
        }

        /// <summary>Most recent first.</summary>
        public List<InsightsQueryExecution> Snapshot()
        {
            lock (_gate)
            {
                var list = new List<InsightsQueryExecution>(_inOrder);
                list.Reverse();
                return list;
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                foreach (InsightsQueryExecution q in _inOrder) q.Stop();
                _byId.Clear();
                _inOrder.Clear();
            }
        }
    }
}
