using System;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>An append-only buffer that ends as an exactly sized array (one copy), for long datapoint lists.</summary>
    internal struct GrowableArray<T>
    {
        private T[] _items;
        private int _count;

        public GrowableArray(int capacity)
        {
            _items = new T[capacity < 4 ? 4 : capacity];
            _count = 0;
        }

        public void Add(T item)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }
            _items[_count++] = item;
        }

        public T[] ToArray()
        {
            if (_count == 0) return Array.Empty<T>();
            if (_count == _items.Length) return _items;
            var result = new T[_count];
            Array.Copy(_items, result, _count);
            return result;
        }
    }
}
