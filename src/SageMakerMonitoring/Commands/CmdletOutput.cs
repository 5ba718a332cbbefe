using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// A thread-safe sink for what background work wants to write. Everything is queued (bounded, so a slow pipeline
    /// slows the producer instead of growing memory) and written by the cmdlet's pipeline thread.
    /// </summary>
    public sealed class CmdletOutput : IOperationReporter
    {
        internal const int Capacity = 4096;
        private readonly BlockingCollection<object> _queue = new BlockingCollection<object>(new ConcurrentQueue<object>(), Capacity);

        internal BlockingCollection<object> Queue => _queue;

        /// <summary>Writes one object to the pipeline.</summary>
        public void WriteObject(object item) => _queue.Add(item);

        public void WriteError(ErrorRecord error) => _queue.Add(new QueuedMessage(QueuedMessageKind.Error, error));

        public void Verbose(string message) => _queue.Add(new QueuedMessage(QueuedMessageKind.Verbose, message));

        public void Warning(string message) => _queue.Add(new QueuedMessage(QueuedMessageKind.Warning, message));

        public void Debug(string message) => _queue.Add(new QueuedMessage(QueuedMessageKind.Debug, message));

        public void Progress(ProgressInfo progress) => _queue.Add(new QueuedMessage(QueuedMessageKind.Progress, progress));

        internal void Complete() => _queue.CompleteAdding();

        internal enum QueuedMessageKind { Error, Verbose, Warning, Debug, Progress }

        internal sealed class QueuedMessage
        {
            public QueuedMessage(QueuedMessageKind kind, object payload)
            {
                Kind = kind;
                Payload = payload;
            }

            public QueuedMessageKind Kind { get; }
            public object Payload { get; }
        }
    }
}
