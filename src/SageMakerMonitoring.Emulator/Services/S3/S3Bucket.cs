using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.S3
{
    /// <summary>A bucket: objects kept in key order (ordinal, as S3 lists them), guarded by the bucket's own lock.</summary>
    public sealed class S3Bucket
    {
        private readonly object _gate = new object();
        private readonly SortedDictionary<string, S3StoredObject> _objects = new SortedDictionary<string, S3StoredObject>(StringComparer.Ordinal);

        public S3Bucket(string name, DateTime creationDate)
        {
            Name = name;
            CreationDate = creationDate;
        }

        public string Name { get; }
        public DateTime CreationDate { get; }

        public bool IsEmpty
        {
            get { lock (_gate) return _objects.Count == 0; }
        }

        public void Put(S3StoredObject stored)
        {
            lock (_gate) _objects[stored.Key] = stored;
        }

        public S3StoredObject? Get(string key)
        {
            lock (_gate) return _objects.TryGetValue(key, out S3StoredObject? stored) ? stored : null;
        }

        public void Delete(string key)
        {
            lock (_gate) _objects.Remove(key);
        }

        /// <summary>Lists keys after <paramref name="after"/> (exclusive; a common prefix there skips its whole group)
        /// that start with <paramref name="prefix"/>, rolling keys up to common prefixes at <paramref name="delimiter"/>.</summary>
        public S3ObjectListing List(string prefix, string? delimiter, string? after, int maxKeys)
        {
            var objects = new List<S3StoredObject>();
            var commonPrefixes = new List<string>();
            string? lastItem = null;
            bool truncated = false;
            bool afterIsPrefix = after != null && !string.IsNullOrEmpty(delimiter) && after.EndsWith(delimiter, StringComparison.Ordinal);
            lock (_gate)
            {
                foreach (KeyValuePair<string, S3StoredObject> pair in _objects)
                {
                    string key = pair.Key;
                    if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
                    if (after != null && (string.CompareOrdinal(key, after) <= 0 || (afterIsPrefix && key.StartsWith(after, StringComparison.Ordinal)))) continue;

                    string? commonPrefix = null;
                    if (!string.IsNullOrEmpty(delimiter))
                    {
                        int at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                        if (at >= 0) commonPrefix = key.Substring(0, at + delimiter.Length);
                    }
                    if (commonPrefix != null && commonPrefixes.Count > 0 && commonPrefixes[^1] == commonPrefix) continue;

                    if (objects.Count + commonPrefixes.Count >= maxKeys)
                    {
                        truncated = true;
                        break;
                    }
                    if (commonPrefix != null)
                    {
                        commonPrefixes.Add(commonPrefix);
                        lastItem = commonPrefix;
                    }
                    else
                    {
                        objects.Add(pair.Value);
                        lastItem = key;
                    }
                }
            }
            return new S3ObjectListing(objects, commonPrefixes, truncated, lastItem);
        }
    }
}
