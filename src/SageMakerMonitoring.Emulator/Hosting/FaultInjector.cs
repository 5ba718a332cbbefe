using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>Holds the current fault rules and decides, per request, whether to inject a fault. The first rule that
    /// matches a request decides for it.</summary>
    public sealed class FaultInjector
    {
        private volatile FaultRule[] _rules = Array.Empty<FaultRule>();
        private readonly ConcurrentDictionary<string, long[]> _injected = new ConcurrentDictionary<string, long[]>();
        private int _seed;

        public int Seed => _seed;

        public IReadOnlyList<FaultRule> Rules => _rules;

        /// <summary>Replaces the rule set from a body like {"seed":7,"rules":[{...}]}.</summary>
        public void Configure(JsonObject body, int? seedOverride = null)
        {
            int seed = seedOverride ?? body.GetInt("seed") ?? 0;
            var rules = new List<FaultRule>();
            JsonArray? array = body.GetArray("rules");
            if (array != null)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JsonObject rule) throw new AwsErrorException("ValidationException", "Each fault rule must be an object.");
                    rules.Add(new FaultRule(
                        rule.GetString("service") ?? "*",
                        rule.GetString("operation") ?? "*",
                        rule.GetDouble("throttleRate") ?? 0,
                        rule.GetDouble("errorRate") ?? 0,
                        rule.GetDouble("dropRate") ?? 0,
                        rule.GetInt("latencyMs") ?? 0,
                        unchecked(seed * 7919 + i)));
                }
            }
            _seed = seed;
            _injected.Clear();
            _rules = rules.ToArray();
        }

        public void Reset()
        {
            _rules = Array.Empty<FaultRule>();
            _injected.Clear();
            _seed = 0;
        }

        public FaultDecision Decide(string signingName, string operation)
        {
            FaultRule[] rules = _rules;
            if (rules.Length == 0) return FaultDecision.NoFault;
            foreach (FaultRule rule in rules)
            {
                if (!rule.Matches(signingName, operation)) continue;
                FaultDecision decision = rule.Decide();
                if (decision.Kind != FaultKind.None)
                {
                    long[] counter = _injected.GetOrAdd(signingName + "." + operation, _ => new long[1]);
                    Interlocked.Increment(ref counter[0]);
                }
                return decision;
            }
            return FaultDecision.NoFault;
        }

        public JsonObject ToJson()
        {
            var injected = new JsonObject();
            foreach (KeyValuePair<string, long[]> pair in _injected.OrderBy(p => p.Key, StringComparer.Ordinal))
                injected[pair.Key] = Interlocked.Read(ref pair.Value[0]);
            return new JsonObject
            {
                ["seed"] = _seed,
                ["rules"] = new JsonArray(_rules.Select(r => (JsonNode)r.ToJson()).ToArray()),
                ["injected"] = injected,
            };
        }
    }
}
