using System;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>One fault rule: which requests it applies to and the rates of each fault. Each rule draws from its own
    /// random sequence (seeded from the rule set's seed and the rule's position), so the n-th request a rule sees always
    /// gets the same decision for the same seed.</summary>
    public sealed class FaultRule
    {
        private readonly object _gate = new object();
        private readonly Random _random;

        public FaultRule(string service, string operation, double throttleRate, double errorRate, double dropRate, int latencyMs, int seed)
        {
            Service = service;
            Operation = operation;
            ThrottleRate = Clamp(throttleRate);
            ErrorRate = Clamp(errorRate);
            DropRate = Clamp(dropRate);
            LatencyMs = Math.Max(0, latencyMs);
            _random = new Random(seed);
        }

        public string Service { get; }
        public string Operation { get; }
        public double ThrottleRate { get; }
        public double ErrorRate { get; }
        public double DropRate { get; }
        public int LatencyMs { get; }

        public bool Matches(string signingName, string operation) =>
            (Service == "*" || string.Equals(Service, signingName, StringComparison.OrdinalIgnoreCase))
            && (Operation == "*" || string.Equals(Operation, operation, StringComparison.Ordinal));

        public FaultDecision Decide()
        {
            double draw;
            lock (_gate) draw = _random.NextDouble();
            FaultKind kind = FaultKind.None;
            if (draw < DropRate) kind = FaultKind.Drop;
            else if ((draw -= DropRate) < ThrottleRate) kind = FaultKind.Throttle;
            else if ((draw -= ThrottleRate) < ErrorRate) kind = draw < ErrorRate / 2 ? FaultKind.InternalError : FaultKind.Unavailable;
            return new FaultDecision(kind, LatencyMs);
        }

        public JsonObject ToJson() => new JsonObject
        {
            ["service"] = Service,
            ["operation"] = Operation,
            ["throttleRate"] = ThrottleRate,
            ["errorRate"] = ErrorRate,
            ["latencyMs"] = LatencyMs,
            ["dropRate"] = DropRate,
        };

        private static double Clamp(double rate) => double.IsNaN(rate) ? 0 : Math.Min(1, Math.Max(0, rate));
    }
}
