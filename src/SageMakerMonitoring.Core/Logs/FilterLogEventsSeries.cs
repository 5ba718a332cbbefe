using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// The pages of one FilterLogEvents query, read one page ahead: while the caller works through a page the next is
    /// already on its way, so at most two pages are held (each compact until its events are read). Empty pages that
    /// still carry a token are skipped; the series ends only when a page comes back without a token.
    /// </summary>
    internal sealed class FilterLogEventsSeries
    {
        private readonly ICloudWatchLogsClient _client;
        private readonly FilterLogEventsRequest _template;
        private readonly IOperationReporter _reporter;
        private readonly bool _missingGroupIsEmpty;
        private readonly CancellationToken _cancellationToken;
        private Task<FilterLogEventsPage>? _pending;
        private bool _started;

        public FilterLogEventsSeries(ICloudWatchLogsClient client, FilterLogEventsRequest template, IOperationReporter reporter, bool missingGroupIsEmpty, CancellationToken cancellationToken)
        {
            _client = client;
            _template = template;
            _reporter = reporter;
            _missingGroupIsEmpty = missingGroupIsEmpty;
            _cancellationToken = cancellationToken;
        }

        public int PagesRead { get; private set; }
        public int EmptyPagesWithToken { get; private set; }
        /// <summary>Set when the log group turned out not to exist.</summary>
        public bool GroupMissing { get; private set; }

        /// <summary>The next non-empty page of events, or null at the end. The caller disposes it.</summary>
        public async Task<FilterLogEventsPage?> NextAsync()
        {
            if (!_started)
            {
                _started = true;
                _pending = FetchAsync(null);
            }
            while (_pending != null)
            {
                var page = await _pending.ConfigureAwait(false);
                PagesRead++;
                var token = page.NextToken;
                _pending = string.IsNullOrEmpty(token) ? null : FetchAsync(token);
                if (page.RemainingEvents > 0) return page;
                page.Dispose();
                if (_pending != null) EmptyPagesWithToken++;
            }
            return null;
        }

        /// <summary>Waits out a read-ahead call that nobody will consume, so its failure is observed.</summary>
        public void Abandon()
        {
            var pending = _pending;
            _pending = null;
            pending?.ContinueWith(t =>
            {
                if (t.Status == TaskStatus.RanToCompletion) t.Result.Dispose();
                else _ = t.Exception;
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private async Task<FilterLogEventsPage> FetchAsync(string? token)
        {
            var request = new FilterLogEventsRequest
            {
                LogGroupName = _template.LogGroupName,
                LogStreamNames = _template.LogStreamNames,
                LogStreamNamePrefix = _template.LogStreamNamePrefix,
                StartTime = _template.StartTime,
                EndTime = _template.EndTime,
                FilterPattern = _template.FilterPattern,
                Limit = _template.Limit,
                NextToken = token,
            };
            try
            {
                return await _client.FilterLogEventsAsync(request, _cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.IsNotFound && token is null)
            {
                if (!_missingGroupIsEmpty) throw LogStreamLister.LogGroupNotFound(_template.LogGroupName, ex);
                GroupMissing = true;
                return new FilterLogEventsPage();
            }
        }
    }
}
