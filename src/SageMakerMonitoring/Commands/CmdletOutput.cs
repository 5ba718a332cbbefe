using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// A thread-safe sink for what background work wants to write, drained by the cmdlet's pipeline thread.
    /// Items travel in batches so a fast producer pays one hand-over per batch, not per object; a partial batch
    /// is handed over as soon as the pipeline thread has nothing else to write, so slow streams (watching, following)
    /// still show every item at once. Bounded: when <see cref="MaxQueuedItems"/> objects wait, the producer sleeps
    /// until the pipeline has worked the queue down to <see cref="ResumeAt"/> (a slow pipeline slows the producer
    /// instead of growing memory, and the two threads wake each other once per several batches, not per batch).
    /// The bound is kept small on purpose: objects that wait long enough to live through a young-generation collection
    /// are promoted and make the collector's later work dearer (a queue eight times as deep doubled the gen1 collections
    /// of an 864,000-datapoint read). Both sides block on one monitor: nothing spins, which matters when the pipeline,
    /// the readers and the service share two cores.
    /// </summary>
    public sealed class CmdletOutput : IOperationReporter
    {
        internal const int BatchSize = 256;
        internal const int QueuedBatches = 16;
        // Items (not batches) decide when the producer waits, so pages handed over whole count for what they hold.
        internal const int MaxQueuedItems = QueuedBatches * BatchSize;
        internal const int ResumeAt = MaxQueuedItems / 4;
        private const int KeptArrays = QueuedBatches + 4;
        // Blocked sides look at cancellation at least this often.
        private const int WaitSliceMilliseconds = 100;

        private readonly object _gate = new object();
        private readonly Queue<Batch> _ready = new Queue<Batch>(QueuedBatches + 1);
        private readonly Stack<object[]> _spare = new Stack<object[]>(KeptArrays);
        private readonly CancellationToken _cancellationToken;
        private object[]? _filling;
        private int _count;
        private int _queuedItems;
        private bool _consumerWaiting;
        private bool _producerWaiting;
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

        /// <summary>
        /// Writes the first <paramref name="count"/> objects of <paramref name="items"/> as one hand-over, after anything
        /// written before. The array then belongs to the output (its slots are cleared as they are written out), so a
        /// reader that produces whole pages pays one hand-over per page instead of one per object.
        /// </summary>
        public void WriteObjects(object[] items, int count)
        {
            if (items is null) throw new ArgumentNullException(nameof(items));
            if (count < 0 || count > items.Length) throw new ArgumentOutOfRangeException(nameof(count));
            if (count == 0) return;
            lock (_gate)
            {
                if (_completed) throw new InvalidOperationException("The cmdlet's output is already complete.");
                if (_count > 0) Enqueue();
                Enqueue(new Batch(items, count, owned: false));
                WaitForRoomLocked();
            }
        }

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
                if (_count > 0) Enqueue();
                _completed = true;
                Monitor.PulseAll(_gate);
            }
        }

        private void Append(object item, bool flush)
        {
            lock (_gate)
            {
                if (_completed) throw new InvalidOperationException("The cmdlet's output is already complete.");
                var filling = _filling ??= _spare.Count > 0 ? _spare.Pop() : new object[BatchSize];
                filling[_count++] = item;
                // Hand the batch over when it is full, when the pipeline thread waits for anything at all (so a slow
                // stream is not held back), or for messages (rare, and they should appear promptly).
                if (!flush && !_consumerWaiting && _count < filling.Length) return;
                Enqueue();
                WaitForRoomLocked();
            }
        }

        private void WaitForRoomLocked()
        {
            while (_queuedItems >= MaxQueuedItems)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _producerWaiting = true;
                Monitor.Wait(_gate, WaitSliceMilliseconds);
            }
        }

        private void Enqueue()
        {
            var batch = new Batch(_filling!, _count, owned: true);
            _filling = null;
            _count = 0;
            Enqueue(batch);
        }

        private void Enqueue(Batch batch)
        {
            _ready.Enqueue(batch);
            _queuedItems += batch.Count;
            if (_consumerWaiting)
            {
                _consumerWaiting = false;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>The next batch for the pipeline thread; false once the producer completed and all was taken.</summary>
        internal bool TryTake(out Batch batch, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                while (true)
                {
                    if (_ready.Count > 0)
                    {
                        batch = Dequeue();
                        return true;
                    }
                    if (_count > 0)
                    {
                        batch = new Batch(_filling!, _count, owned: true);
                        _filling = null;
                        _count = 0;
                        return true;
                    }
                    if (_completed)
                    {
                        batch = default;
                        return false;
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    // The next Append hands its item over at once because the consumer waits; Complete ends the wait.
                    _consumerWaiting = true;
                    Monitor.Wait(_gate, WaitSliceMilliseconds);
                }
            }
        }

        /// <summary>While stopping: drops one waiting batch (waiting up to <paramref name="milliseconds"/>) so a
        /// producer blocked on a full queue can move on and see the cancellation.</summary>
        internal void Discard(int milliseconds)
        {
            lock (_gate)
            {
                if (_ready.Count == 0 && !_completed) Monitor.Wait(_gate, milliseconds);
                if (_ready.Count > 0)
                {
                    var batch = Dequeue();
                    Array.Clear(batch.Items, 0, batch.Count);
                }
            }
        }

        private Batch Dequeue()
        {
            var batch = _ready.Dequeue();
            _queuedItems -= batch.Count;
            if (_producerWaiting && _queuedItems <= ResumeAt)
            {
                _producerWaiting = false;
                Monitor.PulseAll(_gate);
            }
            return batch;
        }

        /// <summary>Gives a written-out batch array (its slots already cleared) back for reuse.</summary>
        internal void Recycle(object[] items)
        {
            lock (_gate)
            {
                if (_spare.Count < KeptArrays) _spare.Push(items);
            }
        }

        internal readonly struct Batch
        {
            public Batch(object[] items, int count, bool owned)
            {
                Items = items;
                Count = count;
                Owned = owned;
            }

            public object[] Items { get; }
            public int Count { get; }
            /// <summary>An array of this output's own, to be recycled once written out.</summary>
            public bool Owned { get; }
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
