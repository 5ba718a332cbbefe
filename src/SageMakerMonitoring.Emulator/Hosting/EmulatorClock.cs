using System;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>The emulator's notion of now. Tests may pin it or move it (POST /_emulator/clock).</summary>
    public sealed class EmulatorClock
    {
        private readonly object _gate = new object();
        private TimeSpan _offset = TimeSpan.Zero;
        private DateTime? _frozen;

        public DateTime UtcNow
        {
            get
            {
                lock (_gate)
                {
                    return _frozen ?? DateTime.UtcNow + _offset;
                }
            }
        }

        /// <summary>True while time stands still.</summary>
        public bool IsFrozen
        {
            get { lock (_gate) { return _frozen.HasValue; } }
        }

        /// <summary>Time runs on from <paramref name="now"/>.</summary>
        public void Set(DateTime now)
        {
            lock (_gate)
            {
                _frozen = null;
                _offset = now.ToUniversalTime() - DateTime.UtcNow;
            }
        }

        /// <summary>Time stands still at <paramref name="now"/>.</summary>
        public void Freeze(DateTime now)
        {
            lock (_gate) { _frozen = now.ToUniversalTime(); }
        }

        public void Advance(TimeSpan by)
        {
            lock (_gate)
            {
                if (_frozen.HasValue) _frozen = _frozen.Value + by;
                else _offset += by;
            }
        }

        public void ResetToReal()
        {
            lock (_gate) { _frozen = null; _offset = TimeSpan.Zero; }
        }
    }
}
