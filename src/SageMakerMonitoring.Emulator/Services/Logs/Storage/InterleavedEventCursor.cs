using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>
    /// K-way merge over index ranges of several streams, yielding events in <see cref="LogEventKey"/> order. The
    /// head key of every stream is cached in arrays so the heap compares without virtual calls; nothing is allocated
    /// per event.
    /// </summary>
    internal sealed class InterleavedEventCursor
    {
        private readonly LogStreamState[] _streams;
        private readonly int[] _position;
        private readonly int[] _end;
        private readonly long[] _headTimestamp;
        private readonly long[] _headIngestion;
        private readonly int[] _headSequence;
        private readonly int[] _heap;
        private int _heapSize;

        /// <param name="streams">Streams to merge.</param>
        /// <param name="start">First index to visit in each stream.</param>
        /// <param name="end">Exclusive end index in each stream.</param>
        public InterleavedEventCursor(IReadOnlyList<LogStreamState> streams, int[] start, int[] end)
        {
            int n = streams.Count;
            _streams = new LogStreamState[n];
            _position = new int[n];
            _end = new int[n];
            _headTimestamp = new long[n];
            _headIngestion = new long[n];
            _headSequence = new int[n];
            _heap = new int[n];
            for (int i = 0; i < n; i++)
            {
                _streams[i] = streams[i];
                _position[i] = start[i];
                _end[i] = end[i];
                if (start[i] < end[i])
                {
                    LoadHead(i);
                    _heap[_heapSize] = i;
                    SiftUp(_heapSize);
                    _heapSize++;
                }
            }
        }

        public bool HasCurrent => _heapSize > 0;

        /// <summary>Stream of the smallest pending event.</summary>
        public LogStreamState CurrentStream => _streams[_heap[0]];

        /// <summary>Index within <see cref="CurrentStream"/> of the smallest pending event.</summary>
        public int CurrentIndex => _position[_heap[0]];

        public long CurrentTimestamp => _headTimestamp[_heap[0]];

        public LogEventKey CurrentKey
        {
            get
            {
                int s = _heap[0];
                return new LogEventKey(_headTimestamp[s], _headIngestion[s], _streams[s].Id, _headSequence[s]);
            }
        }

        /// <summary>Moves past the current event.</summary>
        public void Advance()
        {
            int s = _heap[0];
            _position[s]++;
            if (_position[s] < _end[s])
            {
                LoadHead(s);
            }
            else
            {
                _heapSize--;
                if (_heapSize == 0) return;
                _heap[0] = _heap[_heapSize];
            }
            SiftDown(0);
        }

        private void LoadHead(int s)
        {
            LogEventStore events = _streams[s].Events;
            int p = _position[s];
            _headTimestamp[s] = events.GetTimestamp(p);
            _headIngestion[s] = events.GetIngestionTime(p);
            _headSequence[s] = events.GetSequence(p);
        }

        private bool Less(int a, int b)
        {
            if (_headTimestamp[a] != _headTimestamp[b]) return _headTimestamp[a] < _headTimestamp[b];
            if (_headIngestion[a] != _headIngestion[b]) return _headIngestion[a] < _headIngestion[b];
            if (_streams[a].Id != _streams[b].Id) return _streams[a].Id < _streams[b].Id;
            return _headSequence[a] < _headSequence[b];
        }

        private void SiftUp(int i)
        {
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (!Less(_heap[i], _heap[parent])) break;
                (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
                i = parent;
            }
        }

        private void SiftDown(int i)
        {
            while (true)
            {
                int left = 2 * i + 1;
                if (left >= _heapSize) return;
                int smallest = left;
                int right = left + 1;
                if (right < _heapSize && Less(_heap[right], _heap[left])) smallest = right;
                if (!Less(_heap[smallest], _heap[i])) return;
                (_heap[i], _heap[smallest]) = (_heap[smallest], _heap[i]);
                i = smallest;
            }
        }
    }
}
