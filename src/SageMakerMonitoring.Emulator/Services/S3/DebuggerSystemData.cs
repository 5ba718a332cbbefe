using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.S3
{
    /// <summary>
    /// The "debugger-system" control action: writes a training job's Debugger system-monitor files into a bucket in
    /// Debugger's layout (<c>&lt;prefix&gt;/&lt;job&gt;/profiler-output/system/incremental/&lt;YYYYMMDDHH&gt;/&lt;minute epoch&gt;.algo-N.json</c>,
    /// one JSON object per line, lines as in awslabs/sagemaker-debugger's test traces). Arguments:
    /// <c>{"bucket":"b","prefix":"profiler","jobName":"j","start":"…","end":"…","intervalMs":500,"gpus":4,"cpus":8,
    /// "hosts":[{"gpu":85,"gpuMemory":60,"cpu":40,"ioWait":2,"swing":5},{"gpu":[90,5,90,5],…}]}</c>. Each value is the
    /// host's level (or one level per GPU) plus <c>swing</c>·sin(2πk/60 + device), clipped to 0–100 and rounded to
    /// 2 decimals. Answers {"files":n,"lines":n}.
    /// </summary>
    internal static class DebuggerSystemData
    {
        public const long MaxLines = 20_000_000;

        public static JsonObject Write(Func<string, S3Bucket> bucketOf, JsonObject arguments, DateTime now)
        {
            string bucketName = arguments.GetString("bucket") ?? throw Invalid("bucket is required.");
            string prefix = (arguments.GetString("prefix") ?? "").Trim('/');
            string job = arguments.GetString("jobName") ?? throw Invalid("jobName is required.");
            DateTime end = arguments.GetDateTime("end") ?? now;
            DateTime start = arguments.GetDateTime("start") ?? end.AddHours(-1);
            int interval = arguments.GetInt("intervalMs") ?? 500;
            int gpus = arguments.GetInt("gpus") ?? 4;
            int cpus = arguments.GetInt("cpus") ?? 8;
            if (interval <= 0 || gpus < 0 || cpus < 0 || end <= start) throw Invalid("intervalMs must be positive, gpus and cpus not negative, end after start.");
            JsonArray hosts = arguments.GetArray("hosts") ?? new JsonArray(new JsonObject());
            long samples = (long)((end - start).TotalMilliseconds / interval);
            if (samples * hosts.Count * (2L * gpus + 2L * cpus + 1) > MaxLines) throw Invalid($"more than {MaxLines} lines.");

            S3Bucket bucket = bucketOf(bucketName);
            string root = (prefix.Length == 0 ? "" : prefix + "/") + job + "/profiler-output/system/incremental/";
            long startMs = (long)(start - DateTime.UnixEpoch).TotalMilliseconds;
            long endMs = (long)(end - DateTime.UnixEpoch).TotalMilliseconds;
            int files = 0;
            long lines = 0;
            for (int h = 0; h < hosts.Count; h++)
            {
                var profile = hosts[h] as JsonObject ?? new JsonObject();
                string node = "algo-" + (h + 1);
                double[] gpuLevels = Levels(profile, "gpu", gpus, 80);
                double memory = profile.GetDouble("gpuMemory") ?? 60;
                double cpu = profile.GetDouble("cpu") ?? 40;
                double ioWait = profile.GetDouble("ioWait") ?? 1;
                double swing = profile.GetDouble("swing") ?? 5;
                var sb = new StringBuilder();
                long minute = startMs / 60000 * 60000;
                for (; minute < endMs; minute += 60000)
                {
                    sb.Clear();
                    long first = Math.Max(startMs, minute);
                    long offset = (first - startMs + interval - 1) / interval * interval + startMs;
                    for (long t = offset; t < Math.Min(endMs, minute + 60000); t += interval)
                    {
                        long k = (t - startMs) / interval;
                        string ts = (t / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
                        for (int g = 0; g < gpus; g++)
                        {
                            Line(sb, "gpu", "gpu" + g, "GPUUtilization", Wave(gpuLevels[g], swing, k, g), node, ts);
                            Line(sb, "gpu", "gpu" + g, "GPUMemoryUtilization", Wave(memory, swing / 5, k, g), node, ts);
                            lines += 2;
                        }
                        for (int c = 0; c < cpus; c++)
                        {
                            Line(sb, "cpu", "cpu" + c, "CPUUtilization", Wave(cpu, swing, k, c), node, ts);
                            Line(sb, "cpu", "cpu" + c, "I/OWaitPercentage", Wave(ioWait, swing / 5, k, c), node, ts);
                            lines += 2;
                        }
                        sb.Append("{\"Type\":\"memory\",\"Dimension\":\"MemoryUsedPercent\",\"Value\":").Append(Wave(45, 1, k, 0).ToString("0.##", CultureInfo.InvariantCulture))
                          .Append(",\"NodeId\":\"").Append(node).Append("\",\"Timestamp\":").Append(ts).Append("}\n");
                        lines++;
                    }
                    DateTime minuteTime = DateTime.UnixEpoch.AddMilliseconds(minute);
                    string key = root + minuteTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture) + "/" + (minute / 1000).ToString(CultureInfo.InvariantCulture) + "." + node + ".json";
                    byte[] data = Encoding.UTF8.GetBytes(sb.ToString());
                    string etag = "\"" + Convert.ToHexString(MD5.HashData(data)).ToLowerInvariant() + "\"";
                    bucket.Put(new S3StoredObject(key, data, "application/json", etag, now, new Dictionary<string, string>()));
                    files++;
                }
            }
            return new JsonObject { ["files"] = files, ["lines"] = lines };
        }

        private static double[] Levels(JsonObject profile, string name, int count, double fallback)
        {
            var levels = new double[count];
            JsonNode? node = profile[name];
            for (int i = 0; i < count; i++)
            {
                levels[i] = node switch
                {
                    JsonArray array when array.Count > 0 => JsonRequestReader.AsDouble(array[i % array.Count], name) ?? fallback,
                    JsonValue => JsonRequestReader.AsDouble(node, name) ?? fallback,
                    _ => fallback,
                };
            }
            return levels;
        }

        private static double Wave(double level, double swing, long k, int device)
        {
            double v = level + swing * Math.Sin(2 * Math.PI * k / 60.0 + device);
            return Math.Round(Math.Clamp(v, 0, 100), 2);
        }

        private static void Line(StringBuilder sb, string type, string name, string dimension, double value, string node, string ts)
        {
            sb.Append("{\"Type\":\"").Append(type).Append("\",\"Name\":\"").Append(name).Append("\",\"Dimension\":\"").Append(dimension)
              .Append("\",\"Value\":").Append(value.ToString("0.##", CultureInfo.InvariantCulture))
              .Append(",\"NodeId\":\"").Append(node).Append("\",\"Timestamp\":").Append(ts).Append("}\n");
        }

        private static AwsErrorException Invalid(string message) => new AwsErrorException("InvalidArgument", "debugger-system: " + message, 400);
    }
}
