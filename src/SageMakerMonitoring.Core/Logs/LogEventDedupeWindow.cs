using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Event ids seen within the follow overlap window. Ids leave once their event is older than the window start,
    /// so memory stays proportional to the events of one window, not to everything followed.
    /// </summary>
    internal sealed class LogEventDedupeWindow
    {
        private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.Ordinal);
        private readonly Queue<(DateTime Timestamp, string Id)> _order = new Queue<(DateTime, string)>();

        public int Count => _ids.Count;

        /// <summary>True the first time an event is seen.</summary>
        public bool Add(LogEvent e)
        {
            var id = e.EventId ?? string.Concat(e.LogStreamName, "\u0001", e.UtcTimestamp.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), "\u0001", e.Message);
            if (!_ids.Add(id)) return false;
            _order.Enqueue((e.UtcTimestamp, id));
            return true;
        }

        /// <summary>Forgets events older than <paramref name="cutoff"/> (in arrival order; a late, older event
        /// stays until the ones before it go).</summary>
        public void Prune(DateTime cutoff)
        {
            while (_order.Count > 0 && _order.Peek().Timestamp < cutoff) _ids.Remove(_order.Dequeue().Id);
        }
    }
}
