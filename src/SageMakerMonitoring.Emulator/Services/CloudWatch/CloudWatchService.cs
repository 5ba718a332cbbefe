using System;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// The emulated CloudWatch metrics service (SigV4 name <c>monitoring</c>): PutMetricData, ListMetrics,
    /// GetMetricStatistics and GetMetricData over an in-memory store of compact time series, with CloudWatch's
    /// limits, error codes and time rules evaluated against the emulator clock.
    /// Control actions: <c>synthetic</c> (generate a benchmark workload, see <see cref="SyntheticWorkload"/>),
    /// <c>datapoints</c> (write given series into any namespace, incl. AWS/, see <see cref="SeededDatapoints"/>) and
    /// <c>stats</c> (<c>{"series":N,"datapoints":M,"servedDatapoints":S}</c>: the whole store, and the datapoints
    /// GetMetricData answers have carried since the last reset).
    /// </summary>
    public sealed class CloudWatchService : IJsonAnswerService
    {
        private readonly EmulatorContext _context;
        private readonly MetricStore _store = new MetricStore();
        private long _servedDatapoints;

        public CloudWatchService(EmulatorContext context)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
        }

        public string SigningName => "monitoring";

        internal MetricStore Store => _store;

        private double Now => RequestReader.ToEpochSeconds(_context.Clock.UtcNow);

        public JsonNode? Handle(string operation, JsonObject request)
        {
            request ??= new JsonObject();
            switch (operation)
            {
                case "PutMetricData":
                    PutMetricDataOperation.Execute(_store, request, Now);
                    return null;
                case "ListMetrics":
                    return ListMetricsOperation.Execute(_store, request, Now, _context.AccountId);
                case "GetMetricStatistics":
                    return GetMetricStatisticsOperation.Execute(_store, request, Now);
                case "GetMetricData":
                    return GetMetricData(request).ToTree();
                default:
                    throw new AwsErrorException("UnknownOperationException",
                        $"The action {operation} is not valid for this web service.", 400, "InvalidAction");
            }
        }

        public IJsonAnswer? HandleAnswer(string operation, JsonObject request) =>
            operation == "GetMetricData" ? GetMetricData(request ?? new JsonObject()) : null;

        /// <summary>GetMetricData under its data-points quota: refused while the bucket of the request's tier (StartTime
        /// within 3 hours of the emulator clock, or older) is in debt; an answer draws the points it carries, and the
        /// served counter counts them.</summary>
        private GetMetricDataAnswer GetMetricData(JsonObject request)
        {
            var now = Now;
            var quotas = _context.Quotas is { Enabled: true } enabled ? enabled : null;
            var older = RequestReader.TryGetEpochSeconds(request["StartTime"], out var start) && QuotaEnforcer.IsOlderData(start, now);
            if (quotas != null && !quotas.TryAdmitDataPoints(_context.AccountId, _context.Region, older)) throw CloudWatchErrors.Throttling();
            var answer = GetMetricDataOperation.Execute(_store, request, now);
            long points = 0;
            foreach (var result in answer.Results) points += result.Timestamps.Length;
            System.Threading.Interlocked.Add(ref _servedDatapoints, points);
            quotas?.ConsumeDataPoints(_context.AccountId, _context.Region, points, older);
            return answer;
        }

        public void Reset()
        {
            _store.Write(s => s.Clear());
            System.Threading.Interlocked.Exchange(ref _servedDatapoints, 0);
        }

        public void Seed(string seedName)
        {
            if (string.Equals(seedName, "empty", StringComparison.OrdinalIgnoreCase)) return;
            if (!string.Equals(seedName, "demo", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Unknown seed '{seedName}'; expected 'demo' or 'empty'.", nameof(seedName));
            }
            var now = (long)Math.Floor(Now);
            _store.Write(s => DemoMetrics.Load(s, now, _context.RandomSeed));
        }

        public bool TryControl(string action, JsonObject arguments, out JsonNode? result)
        {
            arguments ??= new JsonObject();
            switch (action)
            {
                case "synthetic":
                    result = SyntheticWorkload.Generate(_store, arguments, Now, _context.RandomSeed);
                    return true;
                case "datapoints":
                    result = SeededDatapoints.Write(_store, arguments);
                    return true;
                case "stats":
                    result = _store.Read(s => new JsonObject
                    {
                        ["series"] = s.SeriesCount,
                        ["datapoints"] = s.TotalPoints,
                        ["servedDatapoints"] = System.Threading.Interlocked.Read(ref _servedDatapoints),
                    });
                    return true;
                default:
                    result = null;
                    return false;
            }
        }
    }
}
