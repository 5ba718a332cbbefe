using System;
using System.Buffers;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>
    /// An append-only buffer for long lists of unmanaged values (datapoint timestamps and values) that ends as an exactly
    /// sized array and allocates nothing else that the garbage collector must reclaim: when the length is known in advance
    /// (the second of two index-aligned lists) the final array is filled in place; otherwise the list grows in arrays
    /// rented from the shared pool and is copied once into its final array. A GetMetricData page of 100,800 points so
    /// allocates its points once, instead of once plus every doubling (each above 85,000 bytes a large-object allocation,
    /// which counts towards the next full collection). Dispose returns what was rented.
    /// </summary>
    internal struct PooledArrayBuilder<T> : IDisposable
        where T : struct
    {
        private const int FirstRent = 256;

        private T[]? _items;
        private bool _rented;
        private int _count;

        /// <param name="expected">The length the list is expected to have (0 when unknown): the final array is made at
        /// that length up front and used as it is when the list has exactly that many items.</param>
        public PooledArrayBuilder(int expected)
        {
            _items = expected > 0 ? new T[expected] : null;
            _rented = false;
            _count = 0;
        }

        public int Count => _count;

        public void Add(T item)
        {
            var items = _items;
            if (items is null || _count == items.Length)
            {
                items = Grow();
            }
            items[_count++] = item;
        }

        /// <summary>The items as an array of exactly <see cref="Count"/> elements (the buffer itself when it fits).</summary>
        public T[] ToArray()
        {
            if (_count == 0) return Array.Empty<T>();
            if (!_rented && _items!.Length == _count) return _items;
            var result = new T[_count];
            Array.Copy(_items!, result, _count);
            return result;
        }

        public void Dispose()
        {
            if (_rented && _items != null) ArrayPool<T>.Shared.Return(_items);
            _items = null;
            _rented = false;
        }

        private T[] Grow()
        {
            var current = _items;
            var larger = ArrayPool<T>.Shared.Rent(current is null ? FirstRent : Math.Max(FirstRent, current.Length * 2));
            if (current != null)
            {
                Array.Copy(current, larger, _count);
                if (_rented) ArrayPool<T>.Shared.Return(current);
            }
            _items = larger;
            _rented = true;
            return larger;
        }
    }
}
