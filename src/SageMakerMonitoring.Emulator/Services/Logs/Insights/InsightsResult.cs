using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>Rows (ordered field/value pairs, values as shown by the service) and scan statistics.</summary>
    internal sealed class InsightsResult
    {
        public InsightsResult(IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> rows, double recordsMatched, double recordsScanned, double bytesScanned, double logGroupsScanned)
        {
            Rows = rows;
            RecordsMatched = recordsMatched;
            RecordsScanned = recordsScanned;
            BytesScanned = bytesScanned;
            LogGroupsScanned = logGroupsScanned;
        }

        public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Rows { get; }
        public double RecordsMatched { get; }
        public double RecordsScanned { get; }
        public double BytesScanned { get; }
        public double LogGroupsScanned { get; }
    }
}
