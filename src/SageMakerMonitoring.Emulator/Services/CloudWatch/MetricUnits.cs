using System;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>The StandardUnit enumeration, stored per data point as a byte index.</summary>
    internal static class MetricUnits
    {
        public static readonly string[] Names =
        {
            "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
            "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
            "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
            "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
        };

        public static readonly byte None = (byte)Array.IndexOf(Names, "None");
        public static readonly byte Percent = (byte)Array.IndexOf(Names, "Percent");
        public static readonly byte Count = (byte)Array.IndexOf(Names, "Count");
        public static readonly byte Microseconds = (byte)Array.IndexOf(Names, "Microseconds");

        public static string ValueSet => "[ " + string.Join(", ", Names) + " ]";

        public static bool TryParse(string text, out byte unit)
        {
            for (var i = 0; i < Names.Length; i++)
            {
                if (string.Equals(Names[i], text, StringComparison.Ordinal))
                {
                    unit = (byte)i;
                    return true;
                }
            }
            unit = None;
            return false;
        }

        public static string Name(byte unit) => Names[unit];
    }
}
