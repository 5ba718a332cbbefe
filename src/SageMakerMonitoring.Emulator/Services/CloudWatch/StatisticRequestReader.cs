using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>Reads the members GetMetricStatistics and GetMetricData share: times, periods and units.</summary>
    internal static class StatisticRequestReader
    {
        public static double ReadTime(JsonObject request, string name, System.Func<string, Hosting.AwsErrorException> invalid)
        {
            if (!RequestReader.Has(request, name)) throw CloudWatchErrors.MissingParameter($"The parameter {name} is required.");
            if (!RequestReader.TryGetEpochSeconds(request[name], out var epoch))
            {
                throw invalid($"The parameter {name} must be a valid timestamp.");
            }
            return epoch;
        }

        /// <summary>-1 when absent; the unit index otherwise.</summary>
        public static int ReadUnit(JsonObject container, string member, System.Func<string, Hosting.AwsErrorException> invalid)
        {
            var text = RequestReader.GetString(container, "Unit");
            if (text == null) return -1;
            if (!MetricUnits.TryParse(text, out var unit))
            {
                throw invalid($"The parameter {member} must be a value in the set {MetricUnits.ValueSet}.");
            }
            return unit;
        }

        public static string PeriodRuleMessage(string member) =>
            $"The parameter {member} must be 1, 5, 10, 20, 30, or a multiple of 60.";

        public static string StandardResolutionMessage(string member) =>
            $"The parameter {member} must be a multiple of 60 for a metric stored at standard resolution; " +
            "periods of 1, 5, 10, 20 and 30 seconds need high-resolution data.";
    }
}
