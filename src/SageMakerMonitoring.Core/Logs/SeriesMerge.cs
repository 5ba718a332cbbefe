using System;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// K-way merge of ordered pages from several series: a binary heap of series keyed by the head event's
    /// (timestamp, ingestion time, series index). Each series is already in that order, so the series index as last
    /// key makes ties come out in a stable, repeatable order. Only each series' head event is taken out of its page;
    /// the rest stays compact until its turn.
    /// </summary>
    internal sealed class SeriesMerge : IDisposable
    {
        private readonly FilterLogEventsPage?[] _pages;
        private readonly LogEventRecord?[] _heads;
        private readonly int[] _heap;
        private int _count;

        public SeriesMerge(int seriesCount)
        {
            _pages = new FilterLogEventsPage?[seriesCount];
            _heads = new LogEventRecord?[seriesCount];
            _heap = new int[seriesCount];
        }

        /// <summary>Series that still have a head event.</summary>
        public int Count => _count;

        /// <summary>Gives series <paramref name="index"/> its next page, which the merge then owns (and disposes); the
        /// series must not be in the heap. An empty page leaves it out, waiting for a refill.</summary>
        public void Add(int index, FilterLogEventsPage page)
        {
            var head = page.ReadNext();
            if (head is null)
            {
                page.Dispose();
                return;
            }
            _pages[index] = page;
            _heads[index] = head;
            _heap[_count] = index;
            SiftUp(_count);
            _count++;
        }

        /// <summary>Removes and returns the smallest head. When its page is used up the series leaves the heap and
        /// <see cref="NeedsRefill"/> says so.</summary>
        public (int Index, LogEventRecord Record) Take()
        {
            var index = _heap[0];
            var record = _heads[index]!;
            var next = _pages[index]!.ReadNext();
            if (next is null)
            {
                _pages[index]!.Dispose();
                _pages[index] = null;
                _heads[index] = null;
                _count--;
                if (_count > 0)
                {
                    _heap[0] = _heap[_count];
                    SiftDown(0);
                }
            }
            else
            {
                _heads[index] = next;
                SiftDown(0);
            }
            return (index, record);
        }

        public bool NeedsRefill(int index) => _pages[index] is null;

        /// <summary>Gives back the pages of series still in the merge (when reading stops early).</summary>
        public void Dispose()
        {
            for (var i = 0; i < _pages.Length; i++)
            {
                _pages[i]?.Dispose();
                _pages[i] = null;
            }
        }

        private bool Less(int a, int b)
        {
            var x = _heads[a]!;
            var y = _heads[b]!;
            if (x.Timestamp != y.Timestamp) return x.Timestamp < y.Timestamp;
            if (x.IngestionTime != y.IngestionTime) return x.IngestionTime < y.IngestionTime;
            return a < b;
        }

        private void SiftUp(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Less(_heap[i], _heap[parent])) break;
                (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
                i = parent;
            }
        }

        private void SiftDown(int i)
        {
            while (true)
            {
                var left = 2 * i + 1;
                if (left >= _count) break;
                var right = left + 1;
                var smallest = right < _count && Less(_heap[right], _heap[left]) ? right : left;
                if (!Less(_heap[smallest], _heap[i])) break;
                (_heap[i], _heap[smallest]) = (_heap[smallest], _heap[i]);
                i = smallest;
            }
        }
    }
}
