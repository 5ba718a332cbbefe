namespace SageMakerMonitoring.Core.Debugger
{
    /// <summary>
    /// One line of a Debugger system-monitor file, checked: <c>{"Type":"gpu","Name":"gpu0","Dimension":"GPUUtilization",
    /// "Value":8.0,"NodeId":"algo-1","Timestamp":1591160899.757}</c>. <see cref="MetricName"/> is the CloudWatch name
    /// where the two sources mean the same thing (MemoryUsedPercent → MemoryUtilization).
    /// </summary>
    public readonly struct DebuggerSystemRecord
    {
        public DebuggerSystemRecord(string metricName, string? device, string host, double timestamp, double value)
        {
            MetricName = metricName;
            Device = device;
            Host = host;
            Timestamp = timestamp;
            Value = value;
        }

        public string MetricName { get; }
        /// <summary>gpu0, cpu3; null for host-wide values (memory).</summary>
        public string? Device { get; }
        /// <summary>algo-1</summary>
        public string Host { get; }
        /// <summary>Epoch seconds.</summary>
        public double Timestamp { get; }
        public double Value { get; }
    }
}
