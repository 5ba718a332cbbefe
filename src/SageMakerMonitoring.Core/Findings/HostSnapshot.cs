using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>One device's value in a snapshot. Device null: a host-wide value (CloudWatch's, divided by the device count).</summary>
    public readonly struct DeviceValue
    {
        public DeviceValue(string? device, double value)
        {
            Device = device;
            Value = value;
        }

        public string? Device { get; }
        public double Value { get; }
    }

    /// <summary>What one host reported at one instant, per device and already per device (0–100 %). Reused by its builder.</summary>
    public sealed class HostSnapshot
    {
        public DateTime Time { get; set; }
        public List<DeviceValue> Gpu { get; } = new List<DeviceValue>();
        public List<DeviceValue> GpuMemory { get; } = new List<DeviceValue>();
        public List<DeviceValue> Cpu { get; } = new List<DeviceValue>();
        public List<DeviceValue> IoWait { get; } = new List<DeviceValue>();

        public void Clear()
        {
            Gpu.Clear();
            GpuMemory.Clear();
            Cpu.Clear();
            IoWait.Clear();
        }

        public bool IsEmpty => Gpu.Count == 0 && GpuMemory.Count == 0 && Cpu.Count == 0 && IoWait.Count == 0;
    }
}
