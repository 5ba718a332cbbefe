using System;
using System.Collections.Generic;
using System.Globalization;

namespace SageMakerMonitoring.Emulator.Services.Logs.Demo
{
    /// <summary>
    /// The log side of the demo world, relative to the seeding time T: the training job demo-train-resnet50 (4 hosts,
    /// epoch lines every 6 minutes, data-loader warnings during the stall T-70m..T-62m, one NCCL error on algo-3), the
    /// processing job demo-preprocess, the endpoint demo-churn-endpoint (request lines, some 4xx/5xx, JSON lines), the
    /// notebook demo-notebook (lifecycle script ending in a failed pip install, jupyter.log) and the transform job
    /// demo-batch-score. Deterministic for a given seed.
    /// </summary>
    internal static class DemoLogWorld
    {
        public const string TrainingJob = "demo-train-resnet50";
        public const string ProcessingJob = "demo-preprocess";
        public const string Endpoint = "demo-churn-endpoint";
        public const string Notebook = "demo-notebook";
        public const string TransformJob = "demo-batch-score";

        private const long Second = 1000;
        private const long Minute = 60 * Second;
        private const long Hour = 60 * Minute;

        public static List<DemoLogGroup> Build(long now, int seed)
        {
            var random = new Random(seed);
            long groupCreated = now - 30 * 24 * Hour;
            return new List<DemoLogGroup>
            {
                Training(now, groupCreated, random),
                Processing(now, groupCreated, random),
                EndpointLogs(now, groupCreated, random),
                NotebookLogs(now, groupCreated, random),
                Transform(now, groupCreated, random),
            };
        }

        private static DemoLogGroup Training(long now, long created, Random random)
        {
            var group = new DemoLogGroup("/aws/sagemaker/TrainingJobs", created);
            long start = now - 2 * Hour;
            long epochSeconds = start / 1000;
            long stallFrom = now - 70 * Minute, stallTo = now - 62 * Minute;
            for (int host = 1; host <= 4; host++)
            {
                var stream = new DemoLogStream($"{TrainingJob}/algo-{host}-{epochSeconds}", start - 5 * Second);
                var lines = new List<(long, string)>
                {
                    (start + 1 * Second, "Invoking script with the following command:"),
                    (start + 1 * Second + 10, "/opt/conda/bin/python3.10 train.py --epochs 20 --batch-size 256 --model resnet50"),
                    (start + 3 * Second, $"Found 4 GPUs on algo-{host} (Tesla V100-SXM2-16GB)"),
                    (start + 5 * Second, $"NCCL INFO Bootstrap : Using eth0:10.0.{host}.21<0>"),
                    (start + 9 * Second, "Starting training: 20 epochs, 4 hosts, global batch size 4096"),
                };
                double gpuFactor = host == 3 ? 0.25 : 1.0;
                for (int minute = 1; minute < 120; minute++)
                {
                    long t = start + minute * Minute + random.Next(0, 900);
                    bool stalled = t >= stallFrom && t < stallTo;
                    double loss = 2.3 * Math.Exp(-minute / 45.0) + random.NextDouble() * 0.05;
                    double throughput = (stalled ? 60 : 1450) * gpuFactor + random.Next(-40, 40);
                    lines.Add((t, string.Create(CultureInfo.InvariantCulture,
                        $"Step {minute * 50}/6000: loss={loss:F4} lr=0.100000 throughput={Math.Max(5, throughput):F1} img/s")));
                    if (stalled)
                    {
                        double wait = 3.4 + random.Next(0, 15) / 10.0;
                        lines.Add((t + 200, string.Create(CultureInfo.InvariantCulture,
                            $"WARNING: data loader worker 2 is slow (batch wait {wait:F1}s)")));
                    }
                }
                for (int epoch = 1; epoch <= 20; epoch++)
                {
                    long t = start + epoch * 6 * Minute - 20 * Second + random.Next(0, 5000);
                    double loss = 2.2 * Math.Exp(-epoch / 6.0) + 0.35 + random.NextDouble() * 0.02;
                    double accuracy = 0.95 - 0.7 * Math.Exp(-epoch / 5.0) + random.NextDouble() * 0.01;
                    lines.Add((Math.Min(t, now), string.Create(CultureInfo.InvariantCulture,
                        $"Epoch {epoch}/20 - loss: {loss:F4} - accuracy: {accuracy:F4}")));
                }
                if (host == 3)
                {
                    lines.Add((now - 45 * Minute + 12_345, "ERROR: NCCL timeout on rank 2, retrying collective"));
                    lines.Add((now - 45 * Minute + 14_002, "NCCL INFO collective retry succeeded on rank 2"));
                }
                AddSorted(stream, lines, random);
                group.Streams.Add(stream);
            }
            return group;
        }

        private static DemoLogGroup Processing(long now, long created, Random random)
        {
            var group = new DemoLogGroup("/aws/sagemaker/ProcessingJobs", created);
            long start = now - 5 * Hour;
            long end = now - 4 * Hour - 20 * Minute;
            long epochSeconds = start / 1000;
            for (int host = 1; host <= 2; host++)
            {
                var stream = new DemoLogStream($"{ProcessingJob}/algo-{host}-{epochSeconds}", start - 3 * Second);
                var lines = new List<(long, string)>
                {
                    (start + 2 * Second, "Starting processing job demo-preprocess"),
                    (start + 4 * Second, $"Reading input from /opt/ml/processing/input (host algo-{host} of 2)"),
                };
                for (int shard = 1; shard <= 20; shard++)
                {
                    long t = start + shard * 115 * Second + random.Next(0, 3000);
                    int records = 48_000 + random.Next(0, 4000);
                    lines.Add((t, $"Processed shard {shard}/20: {records} records"));
                    lines.Add((t + 800, $"Wrote {records} records to s3://demo-bucket/preprocess/output/algo-{host}/part-{shard:D5}.parquet"));
                    if (shard == 13 && host == 2) lines.Add((t + 900, "WARNING: 17 rows dropped with malformed timestamps"));
                }
                lines.Add((end - 30 * Second, "Processing complete"));
                AddSorted(stream, lines, random);
                group.Streams.Add(stream);
            }
            return group;
        }

        private static DemoLogGroup EndpointLogs(long now, long created, Random random)
        {
            var group = new DemoLogGroup($"/aws/sagemaker/Endpoints/{Endpoint}", created);
            string[] streams =
            {
                "Primary/i-0a1b2c3d4e5f60001",
                "Primary/i-0a1b2c3d4e5f60002",
                "Pipeline/i-0a1b2c3d4e5f60003/container-1",
                "Pipeline/i-0a1b2c3d4e5f60003/container-2",
            };
            long start = now - 24 * Hour;
            for (int s = 0; s < streams.Length; s++)
            {
                var stream = new DemoLogStream(streams[s], start - 2 * Minute);
                var lines = new List<(long, string)>
                {
                    (start - 90 * Second, "Starting gunicorn 20.1.0"),
                    (start - 89 * Second, "Listening at: unix:/tmp/gunicorn.sock (1)"),
                    (start - 60 * Second, "Model loaded from /opt/ml/model in 2.41s"),
                };
                for (long t = start; t <= now - Minute; t += 2 * Minute)
                {
                    long at = t + random.Next(0, 60_000);
                    int roll = random.Next(0, 200);
                    int status = roll == 0 ? 500 : roll < 3 ? 400 : 200;
                    int latency = status == 500 ? 700 + random.Next(0, 300) : 20 + random.Next(0, 120);
                    lines.Add((at, $"10.0.{s + 1}.{random.Next(2, 250)} - - \"POST /invocations HTTP/1.1\" {status} {random.Next(60, 400)} \"-\" \"AHC/2.0\""));
                    string level = status == 500 ? "ERROR" : status == 400 ? "WARN" : "INFO";
                    lines.Add((at + 3, $"{{\"level\":\"{level}\",\"latencyMs\":{latency},\"path\":\"/invocations\",\"status\":{status}}}"));
                    if (status == 500) lines.Add((at + 5, "ERROR: model raised ValueError: Input contains NaN"));
                }
                // One request fixed for the demo: the slow JSON error line.
                lines.Add((now - 30 * Minute + 250 * (s + 1), "{\"level\":\"ERROR\",\"latencyMs\":812,\"path\":\"/invocations\",\"status\":500}"));
                AddSorted(stream, lines, random);
                group.Streams.Add(stream);
            }
            return group;
        }

        private static DemoLogGroup NotebookLogs(long now, long created, Random random)
        {
            var group = new DemoLogGroup("/aws/sagemaker/NotebookInstances", created);
            long start = now - 3 * Hour;
            var lcc = new DemoLogStream($"{Notebook}/LifecycleConfigOnStart", start);
            var lccLines = new List<(long, string)>
            {
                (start + 1 * Second, "+ set -e"),
                (start + 1 * Second + 5, "+ sudo -u ec2-user -i bash -c 'source activate python3; pip install --upgrade torch==9.9.9'"),
                (start + 4 * Second, "Collecting torch==9.9.9"),
                (start + 9 * Second, "ERROR: Could not find a version that satisfies the requirement torch==9.9.9"),
                (start + 9 * Second + 2, "ERROR: No matching distribution found for torch==9.9.9"),
            };
            AddSorted(lcc, lccLines, random);
            group.Streams.Add(lcc);

            var jupyter = new DemoLogStream($"{Notebook}/jupyter.log", start + 20 * Second);
            var jLines = new List<(long, string)>
            {
                (start + 25 * Second, "[I NotebookApp] Serving notebooks from local directory: /home/ec2-user/SageMaker"),
                (start + 26 * Second, "[I NotebookApp] Jupyter Notebook is running at: http://localhost:8443/"),
            };
            for (long t = start + 10 * Minute; t < now; t += 10 * Minute)
                jLines.Add((t + random.Next(0, 30_000), "[I NotebookApp] Saving file at /churn-analysis.ipynb"));
            AddSorted(jupyter, jLines, random);
            group.Streams.Add(jupyter);
            return group;
        }

        private static DemoLogGroup Transform(long now, long created, Random random)
        {
            var group = new DemoLogGroup("/aws/sagemaker/TransformJobs", created);
            long start = now - 30 * Hour;
            var stream = new DemoLogStream($"{TransformJob}/i-0fedcba9876543210-{start / 1000}", start);
            var lines = new List<(long, string)> { (start + 5 * Second, "Starting batch transform for demo-batch-score") };
            for (int part = 1; part <= 12; part++)
                lines.Add((start + part * 4 * Minute, $"Scored part {part}/12 (s3://demo-bucket/score/input/part-{part:D3}.csv)"));
            lines.Add((start + 59 * Minute, "Batch transform complete: 12 of 12 parts"));
            AddSorted(stream, lines, random);
            group.Streams.Add(stream);
            return group;
        }

        private static void AddSorted(DemoLogStream stream, List<(long Timestamp, string Message)> lines, Random random)
        {
            lines.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
            foreach (var (timestamp, message) in lines)
                stream.Events.Add(new DemoLogEvent(timestamp, message, timestamp + 150 + random.Next(0, 700)));
        }
    }
}
