using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// The "datapoints" control action: writes series straight into the store, in any namespace, so tests can give the
    /// emulator what AWS itself publishes (<c>AWS/SageMaker</c> invocation metrics, <c>/aws/sagemaker/Endpoints</c>
    /// instance metrics), which PutMetricData refuses for <c>AWS/</c> namespaces as CloudWatch does. Body:
    /// <code>
    /// {"series":[{"namespace":"AWS/SageMaker","metricName":"ModelLatency",
    ///             "dimensions":{"EndpointName":"e","VariantName":"AllTraffic"},"unit":"Microseconds",
    ///             "start":"2026-12-07T10:00:00Z","step":60,"values":[250000,[240000,260000],null,...]}]}
    /// </code>
    /// Entry k of <c>values</c> is stored at <c>start + k × step</c> seconds: a number, a list of numbers (one sample
    /// each, as several instances publishing into one series), or null (no data). <c>step</c> defaults to 60;
    /// <c>storageResolution</c> is 1 below 60 s steps, else 60, unless given; <c>unit</c> defaults to None. Each series
    /// replaces any series with the same identity. Everything is checked before anything is stored. Answers
    /// <c>{"series":N,"datapoints":M}</c>.
    /// </summary>
    internal static class SeededDatapoints
    {
        public const long MaxPoints = 5_000_000;

        public static JsonObject Write(MetricStore store, JsonObject arguments)
        {
            var list = RequestReader.GetArray(arguments, "series") ?? throw Invalid("series must be a list of series objects.");
            var built = new List<MetricSeries>(list.Count);
            long total = 0;
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject spec) throw Invalid($"series[{i}] must be an object.");
                var series = Build(spec, i, ref total);
                built.Add(series);
            }
            store.Write(s =>
            {
                foreach (var series in built) s.Replace(series);
            });
            return new JsonObject { ["series"] = built.Count, ["datapoints"] = total };
        }

        private static MetricSeries Build(JsonObject spec, int index, ref long total)
        {
            var where = $"series[{index}]";
            var metricNamespace = RequestReader.GetString(spec, "namespace");
            if (string.IsNullOrEmpty(metricNamespace) || !DimensionReader.IsValidText(metricNamespace, 255)) throw Invalid($"{where}.namespace is required (1-255 characters).");
            var metricName = RequestReader.GetString(spec, "metricName");
            if (string.IsNullOrEmpty(metricName) || !DimensionReader.IsValidText(metricName, 255)) throw Invalid($"{where}.metricName is required (1-255 characters).");

            var dimensions = new List<KeyValuePair<string, string>>();
            if (RequestReader.Has(spec, "dimensions"))
            {
                if (spec["dimensions"] is not JsonObject dims) throw Invalid($"{where}.dimensions must be an object of name: value.");
                foreach (var pair in dims)
                {
                    var value = pair.Value is JsonValue v && v.TryGetValue(out string? text) ? text : null;
                    if (string.IsNullOrEmpty(pair.Key) || string.IsNullOrEmpty(value)) throw Invalid($"{where}.dimensions.{pair.Key} must be a non-empty string.");
                    dimensions.Add(new KeyValuePair<string, string>(pair.Key, value!));
                }
            }
            if (dimensions.Count > 30) throw Invalid($"{where} has more than 30 dimensions.");

            var unit = MetricUnits.None;
            var unitName = RequestReader.GetString(spec, "unit");
            if (unitName != null && !MetricUnits.TryParse(unitName, out unit)) throw Invalid($"{where}.unit must be one of {MetricUnits.ValueSet}.");

            if (!RequestReader.TryGetEpochSeconds(spec["start"], out var startSeconds)) throw Invalid($"{where}.start must be an ISO-8601 time or epoch seconds.");
            var start = (long)Math.Floor(startSeconds);
            long step = 60;
            if (RequestReader.Has(spec, "step") && (!RequestReader.TryGetInteger(spec["step"], out step) || step < 1 || step > 86400)) throw Invalid($"{where}.step must be whole seconds from 1 to 86400.");
            long resolution = step < 60 ? 1 : 60;
            if (RequestReader.Has(spec, "storageResolution") && (!RequestReader.TryGetInteger(spec["storageResolution"], out resolution) || (resolution != 1 && resolution != 60)))
            {
                throw Invalid($"{where}.storageResolution must be 1 or 60.");
            }

            var values = RequestReader.GetArray(spec, "values") ?? throw Invalid($"{where}.values must be a list.");
            var series = new MetricSeries(MetricIdentity.Create(metricNamespace, metricName, dimensions), (int)resolution, values.Count);
            for (var k = 0; k < values.Count; k++)
            {
                var t = start + k * step;
                switch (values[k])
                {
                    case null:
                        break;
                    case JsonArray samples:
                        foreach (var sample in samples) Add(series, t, sample, $"{where}.values[{k}]", unit, ref total);
                        break;
                    default:
                        Add(series, t, values[k], $"{where}.values[{k}]", unit, ref total);
                        break;
                }
            }
            return series;
        }

        private static void Add(MetricSeries series, long t, JsonNode? node, string where, byte unit, ref long total)
        {
            if (!RequestReader.TryGetDouble(node, out var value) || double.IsNaN(value) || double.IsInfinity(value)) throw Invalid($"{where} must be a finite number.");
            if (++total > MaxPoints) throw Invalid($"more than {MaxPoints} datapoints in one call.");
            series.Add(t, value, 1.0, unit);
        }

        private static Hosting.AwsErrorException Invalid(string message) =>
            CloudWatchErrors.ValidationError("Invalid datapoints: " + message);
    }
}
