using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// A thread-safe sink for what background work wants to write, drained by the cmdlet's pipeline thread.
    /// Items travel in batches so a fast producer pays one queue operation per batch, not per object; a partial batch
    /// is handed over as soon as the pipeline thread has nothing else to write, so slow streams (watching, following)
    /// still show every item at once. Bounded: at most <see cref="QueuedBatches"/> full batches wait (a slow pipeline
    /// slows the producer instead of growing memory).
    /// </summary>
    public sealed class CmdletOutput : IOperationReporter
    {
        internal const int BatchSize = 256;
        internal const int QueuedBatches = 16;
        private const int KeptArrays = QueuedBatches + 4;

        private readonly object _gate = new object();
        private readonly BlockingCollection<Batch> _queue = new BlockingCollection<Batch>(new ConcurrentQueue<Batch>(), QueuedBatches);
        private readonly ConcurrentQueue<object[]> _spare = new ConcurrentQueue<object[]>();
        private readonly CancellationToken _cancellationToken;
        private object[]? _filling;
        private int _count;
        private bool _consumerWaiting;
        private bool _completed;

        public CmdletOutput() : this(CancellationToken.None)
        {
        }

        /// <param name="cancellationToken">Unblocks a producer waiting for room when the cmdlet stops.</param>
        public CmdletOutput(CancellationToken cancellationToken)
        {
            _cancellationToken = cancellationToken;
        }

        /// <summary>Writes one object to the pipeline.</summary>
        public void WriteObject(object item) => Append(item, flush: false);

        public void WriteError(ErrorRecord error) => Append(new QueuedMessage(QueuedMessageKind.Error, error), flush: true);

        public void Verbose(string message) => Append(new QueuedMessage(QueuedMessageKind.Verbose, message), flush: true);

        public void Warning(string message) => Append(new QueuedMessage(QueuedMessageKind.Warning, message), flush: true);

        public void Debug(string message) => Append(new QueuedMessage(QueuedMessageKind.Debug, message), flush: true);

        public void Progress(ProgressInfo progress) => Append(new QueuedMessage(QueuedMessageKind.Progress, progress), flush: true);

        /// <summary>No more items: hands over the partial batch and lets the consumer finish.</summary>
        internal void Complete()
        {
            lock (_gate)
            {
                if (_completed) return;
                try
                {
                    if (_count > 0) PublishLocked();
                }
                catch (OperationCanceledException)
                {
                    // Stopping: nobody reads the rest.
                }
                finally
                {
                    _completed = true;
                    _queue.CompleteAdding();
                }
            }
        }

        private void Append(object item, bool flush)
        {
            lock (_gate)
            {
                if (_completed) throw new InvalidOperationException("The cmdlet's output is already complete.");
                var filling = _filling;
                if (filling == null) _filling = filling = Rent();
                filling[_count++] = item;
                // Hand the batch over when it is full, when the pipeline thread waits for anything at all (so a slow
                // stream is not held back), or for messages (rare, and they should appear promptly).
                if (flush || _consumerWaiting || _count == filling.Length) PublishLocked();
            }
        }

        /// <summary>
        /// Queues the filling batch. Runs under the lock (keeps the order of several writers); the consumer never waits
        /// for the lock for long, so a wait for room here does not hold it up.
        /// </summary>
        private void PublishLocked()
        {
            var batch = new Batch(_filling!, _count);
            _filling = null;
            _count = 0;
            _consumerWaiting = false;
            _queue.Add(batch, _cancellationToken);
        }

        /// <summary>
        /// Pipeline thread: the next batch in order, waiting when there is none. A partial batch is taken straight from
        /// the producer when nothing else is queued. False when the work has completed and everything was taken.
        /// </summary>
        internal bool TryTake(out Batch batch, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (_queue.TryTake(out batch)) return true;
                cancellationToken.ThrowIfCancellationRequested();
                var locked = false;
                try
                {
                    // Never wait long for the lock: a producer may hold it while it waits for room in a queue that
                    // filled up since the TryTake above; taking from the queue is what lets it go on.
                    Monitor.TryEnter(_gate, 1, ref locked);
                    if (!locked) continue;
                    // Re-check under the lock: a batch published since the TryTake above must come out first.
                    if (_queue.Count > 0) continue;
                    if (_count > 0)
                    {
                        batch = new Batch(_filling!, _count);
                        _filling = null;
                        _count = 0;
                        return true;
                    }
                    _consumerWaiting = !_completed;
                }
                finally
                {
                    if (locked) Monitor.Exit(_gate);
                }
                // The next Append publishes at once because the consumer waits; CompleteAdding ends the wait.
                return _queue.TryTake(out batch, Timeout.Infinite, cancellationToken);
            }
        }

        /// <summary>Pipeline thread: takes whatever is queued for up to <paramref name="milliseconds"/> (unblocks a producer while stopping).</summary>
        internal void Discard(int milliseconds)
        {
            if (_queue.TryTake(out var batch, milliseconds)) Array.Clear(batch.Items, 0, batch.Count);
        }

        /// <summary>Pipeline thread: gives a written batch's array back for reuse.</summary>
        internal void Recycle(object[] items)
        {
            Array.Clear(items, 0, items.Length);
            if (_spare.Count < KeptArrays) _spare.Enqueue(items);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private object[] Rent() => _spare.TryDequeue(out var items) ? items : new object[BatchSize];

        /// <summary>Items <c>[0, Count)</c> of <see cref="Items"/>, in the order they were written.</summary>
        internal readonly struct Batch
        {
            public Batch(object[] items, int count)
            {
                Items = items;
                Count = count;
            }

            public object[] Items { get; }
            public int Count { get; }
        }

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
